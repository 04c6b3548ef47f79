/**
 * The file routes: what the API serves as files rather than as tRPC procedures (attachments,
 * finance and results exports, the agreement and annual-report PDFs). Each route is declared
 * here as data, with who may call it in the same `Access` shape as a procedure's `meta.access`;
 * the HTTP server registers them in one loop and checks that declaration before the handler
 * runs, and the authorization matrix test calls every one of them as every role.
 */
import { acceptText, DomainError, isoDateIn, MONEY_READERS, RESULTS_READERS, type Language } from '@tp/domain';
import type { ApiDeps, RequestMeta } from './context';
import { renderAgreementPdf } from './agreements/agreement-pdf';
import { annualReportData, renderAnnualReportPdf } from './results/annual-report-pdf';
import { disclosureCheckSheet, disclosureNilSheet, disclosureSheet, paymentsSheet, reconciliationSheet, writeSheet, type ExportFormat, type Sheet } from './claims/finance-exports';
import { gbaSheet, indicatorResultsSheet, programDetailsSheet } from './results/results-exports';
import { agreementDocumentData } from './agreements/agreement-document';
import { readAttachment, uploadAttachment } from './applications/attachments';
import type { SessionUser } from './auth/resolve-session';
import type { Access } from './trpc';

/** An uploaded file as the HTTP layer read it; null when the request carried none. */
export interface UploadedFile {
  fileName: string;
  data: Buffer;
  /** The file was longer than the upload limit and was cut. */
  truncated: boolean;
}

export interface FileRequest {
  params: Record<string, string>;
  query: Record<string, string | undefined>;
  /** The language of the request (cookie, then Accept-Language). */
  lang: Language;
  meta: RequestMeta;
  /** Reads the request's one uploaded file (POST routes). */
  upload(): Promise<UploadedFile | null>;
}

export type FileReply =
  | { kind: 'file'; contentType: string; fileName: string; data: Buffer }
  | { kind: 'json'; status: number; body: unknown };

export interface FileRoute {
  method: 'GET' | 'POST';
  /** The path as the HTTP router writes it (`:name` for a parameter). */
  path: string;
  access: Access;
  /** Runs once the caller has passed `access`; refusals are thrown as DomainErrors. */
  handle(deps: ApiDeps, user: SessionUser, request: FileRequest): Promise<FileReply>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FISCAL_YEAR = /^\d{4}-\d{2}$/;
const signedIn: Access = { kind: 'signedIn' };
const rolesOf = (roles: readonly SessionUser['roles'][number][]): Access => ({ kind: 'roles', roles });

function uuidParam(request: FileRequest, name: string): string {
  const value = request.params[name] ?? '';
  if (!UUID.test(value)) throw new DomainError('NOT_FOUND', 'error.notFound', name);
  return value;
}

const today = () => isoDateIn(new Date(), 'America/Toronto');

const attachmentRoutes: FileRoute[] = [
  {
    method: 'POST',
    path: '/attachments/:applicationId',
    access: signedIn,
    async handle(deps, user, request) {
      const applicationId = uuidParam(request, 'applicationId');
      const file = await request.upload();
      if (!file) throw new DomainError('BAD_INPUT', 'error.attachment.missingFile', 'file');
      const saved = await uploadAttachment(deps.db, deps.files, user, request.meta, { applicationId, ...file });
      return { kind: 'json', status: 201, body: saved };
    },
  },
  {
    method: 'GET',
    path: '/attachments/:applicationId/:attachmentId',
    access: signedIn,
    async handle(deps, user, request) {
      const applicationId = uuidParam(request, 'applicationId');
      const attachmentId = uuidParam(request, 'attachmentId');
      const file = await readAttachment(deps.db, deps.files, user, { applicationId, attachmentId });
      return { kind: 'file', contentType: file.contentType, fileName: file.fileName, data: file.data };
    },
  },
];

/** The export files: who may download each, and how its one sheet is built from the query. */
const EXPORTS: { name: string; access: Access; sheet(deps: ApiDeps, query: ExportQuery): Promise<Sheet> }[] = [
  { name: 'reconciliation', access: rolesOf(MONEY_READERS), sheet: (deps, q) => reconciliationSheet(deps.db, { programId: q.programId, fiscalYear: q.fiscalYear, byCategory: q.byCategory, search: q.search }) },
  { name: 'payments', access: rolesOf(MONEY_READERS), sheet: (deps, q) => paymentsSheet(deps.db, { fiscalYear: q.fiscalYear }) },
  { name: 'disclosure', access: rolesOf(MONEY_READERS), sheet: (deps) => disclosureSheet(deps.db, deps.config.disclosureDepartmentCode) },
  { name: 'disclosure-check', access: rolesOf(MONEY_READERS), sheet: (deps) => disclosureCheckSheet(deps.db, deps.config.disclosureDepartmentCode) },
  { name: 'disclosure-nil', access: rolesOf(MONEY_READERS), sheet: (deps) => disclosureNilSheet(deps.db, deps.config.disclosureDepartmentCode, today()) },
  { name: 'results-indicators', access: rolesOf(RESULTS_READERS), sheet: (deps, q) => indicatorResultsSheet(deps.db, programYear(q), today()) },
  { name: 'results-program', access: rolesOf(RESULTS_READERS), sheet: (deps, q) => programDetailsSheet(deps.db, programYear(q)) },
  { name: 'results-gba', access: rolesOf(RESULTS_READERS), sheet: (deps, q) => gbaSheet(deps.db, programYear(q)) },
];
const EXPORT_FORMATS: readonly ExportFormat[] = ['xlsx', 'csv'];

interface ExportQuery {
  programId: string | null;
  fiscalYear: string | null;
  byCategory: boolean;
  /** The reconciliation's search, as on screen (text at the edge: refused or cleaned as any input). */
  search: string;
}

/** The results tables are for one program and fiscal year. */
function programYear(q: ExportQuery): { programId: string; fiscalYear: string } {
  if (!q.programId) throw new DomainError('BAD_INPUT', 'error.invalid', 'programId');
  if (!q.fiscalYear) throw new DomainError('BAD_INPUT', 'error.invalid', 'fiscalYear');
  return { programId: q.programId, fiscalYear: q.fiscalYear };
}

const CONTENT_TYPE: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

const exportRoutes: FileRoute[] = EXPORTS.flatMap((e) =>
  EXPORT_FORMATS.map(
    (format): FileRoute => ({
      method: 'GET',
      path: `/exports/${e.name}.${format}`,
      access: e.access,
      async handle(deps, _user, request) {
        const { programId, fiscalYear, byCategory, search } = request.query;
        const text = acceptText((search ?? '').slice(0, 200));
        if (!text.ok) throw new DomainError('BAD_INPUT', 'error.text.forbiddenCharacter', 'search');
        const query: ExportQuery = {
          programId: programId && UUID.test(programId) ? programId : null,
          fiscalYear: fiscalYear && FISCAL_YEAR.test(fiscalYear) ? fiscalYear : null,
          byCategory: byCategory === 'true',
          search: text.text,
        };
        const data = await writeSheet(await e.sheet(deps, query), format);
        return { kind: 'file', contentType: CONTENT_TYPE[format], fileName: `${e.name}${query.fiscalYear ? `-${query.fiscalYear}` : ''}.${format}`, data };
      },
    }),
  ),
);

const documentRoutes: FileRoute[] = [
  {
    // A strategy's annual progress report: ?strategyId&fiscalYear&lang.
    method: 'GET',
    path: '/results/annual-report.pdf',
    access: rolesOf(RESULTS_READERS),
    async handle(deps, _user, request) {
      const { strategyId, fiscalYear } = request.query;
      if (!strategyId || !UUID.test(strategyId)) throw new DomainError('BAD_INPUT', 'error.invalid', 'strategyId');
      if (!fiscalYear || !FISCAL_YEAR.test(fiscalYear)) throw new DomainError('BAD_INPUT', 'error.invalid', 'fiscalYear');
      const lang = request.query.lang === 'fr' || request.query.lang === 'en' ? request.query.lang : request.lang;
      const report = await annualReportData(deps.db, { strategyId, fiscalYear }, today());
      const data = await renderAnnualReportPdf(report, lang);
      return { kind: 'file', contentType: 'application/pdf', fileName: `annual-report-${report.strategy.code}-${fiscalYear}-${lang}.pdf`, data };
    },
  },
  {
    // The agreement, in the recipient's official language unless ?lang asks for the other, for
    // the version in force unless ?version=N. The service decides who may read which version.
    method: 'GET',
    path: '/agreements/:agreementId/pdf',
    access: signedIn,
    async handle(deps, user, request) {
      const agreementId = uuidParam(request, 'agreementId');
      const lang = request.query.lang === 'fr' || request.query.lang === 'en' ? request.query.lang : undefined;
      const version = request.query.version && /^\d{1,4}$/.test(request.query.version) ? Number(request.query.version) : undefined;
      const { lang: chosen, document, fileName } = await agreementDocumentData(deps.db, user, { agreementId, version, lang });
      return { kind: 'file', contentType: 'application/pdf', fileName, data: await renderAgreementPdf(document, chosen) };
    },
  },
];

export const FILE_ROUTES: readonly FileRoute[] = [...attachmentRoutes, ...exportRoutes, ...documentRoutes];
