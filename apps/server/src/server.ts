/**
 * The HTTP adapter: tRPC at /trpc, GET /healthz, and (when built) the web client, all on one
 * port. Logs are pino JSON lines carrying a request id. Cross-site requests are refused.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import {
  agreementDocumentData,
  annualReportData,
  renderAnnualReportPdf,
  appRouter,
  renderAgreementPdf,
  assertCanExport,
  assertCanReadResults,
  createContext,
  gbaSheet,
  indicatorResultsSheet,
  programDetailsSheet,
  disclosureSheet,
  paymentsSheet,
  readAttachment,
  reconciliationSheet,
  uploadAttachment,
  writeSheet,
  type ApiDeps,
  type AppRouter,
  type ExportFormat,
  type RequestMeta,
} from '@tp/api';
import { DomainError, MAX_ATTACHMENT_BYTES, isoDateIn } from '@tp/domain';
import { sql } from 'kysely';
import { pickLanguage, translate } from '@tp/i18n';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'tp_session';
export const LANGUAGE_COOKIE = 'tp_lang';

export interface ServerOptions {
  deps: ApiDeps;
  logLevel?: string;
  /** Folder of the built web client; served when it exists. */
  webDist?: string | null;
  trustProxy?: boolean;
  /** Sign-in and password-reset attempts allowed per minute from one address (default 30). */
  signInAttemptsPerMinute?: number;
}

function requestLanguage(request: FastifyRequest) {
  return pickLanguage(request.cookies[LANGUAGE_COOKIE], request.headers['accept-language']);
}

/** Who and what a request is, for the audit trail and the language of the answer. */
function requestMeta(request: FastifyRequest): RequestMeta {
  return {
    requestId: request.id,
    ip: request.ip ?? null,
    userAgent: request.headers['user-agent'] ?? null,
    lang: requestLanguage(request),
    langChosen: Boolean(request.cookies[LANGUAGE_COOKIE]),
  };
}

/** The JSON error body for failures outside tRPC (bad JSON, cross-site, unknown route). */
function errorBody(request: FastifyRequest, status: number, messageKey: string) {
  return {
    error: {
      message: translate(requestLanguage(request), messageKey),
      data: { httpStatus: status, messageKey, requestId: request.id },
    },
  };
}

/**
 * A state-changing request must come from our own pages. Browsers say where a request comes
 * from (Sec-Fetch-Site, Origin); a request from another site is refused before it runs.
 * Cookies are SameSite=Lax as well, and tRPC mutations need a JSON body, which no plain HTML
 * form on another site can send without a CORS preflight that we never grant.
 */
function isCrossSite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') return true;
  const origin = request.headers.origin;
  if (origin && origin !== 'null') {
    try {
      return new URL(origin).host !== new URL(`${request.protocol}://${request.host}`).host;
    } catch {
      return true;
    }
  }
  return origin === 'null';
}

/**
 * Only our own origin may provide scripts, styles, fonts, images and connections; nobody may frame
 * the pages. Inline styles are allowed because the design system's web components style their
 * shadow roots with <style> elements; inline scripts are not.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Sign-in and password-reset attempts, however batched: the requests the rate limit counts. */
const GUESSABLE = /^\/trpc\/(?:[^?]*,)?auth\.(?:signIn|requestPasswordReset)(?:[,?]|$)/;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    trustProxy: options.trustProxy ?? false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w-]{8,64}$/.test(given) ? given : randomUUID();
    },
    requestIdLogLabel: 'requestId',
    disableRequestLogging: false,
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(fastifyCookie);
  // Password guessing: at most this many sign-in or reset attempts per minute from one address
  // (accounts also lock after repeated failures, whatever the address).
  await app.register(fastifyRateLimit, {
    global: true,
    max: options.signInAttemptsPerMinute ?? 30,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    allowList: (request) => !(request.method === 'POST' && GUESSABLE.test(request.url)),
    errorResponseBuilder: (_request, context) => ({ statusCode: 429, code: 'RATE_LIMITED', retryAfter: context.after, message: 'rate limited' }),
  });

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', CONTENT_SECURITY_POLICY);
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (request.protocol === 'https') reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    // A request without a Host header (HTTP/1.0, or a hand-made one) has no address to resolve
    // against: refuse it plainly rather than fail inside the API adapter.
    if (!request.headers.host) return reply.code(400).send(errorBody(request, 400, 'error.badRequest'));
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS' && isCrossSite(request)) {
      request.log.warn({ origin: request.headers.origin, site: request.headers['sec-fetch-site'] }, 'cross-site request refused');
      return reply.code(403).send(errorBody(request, 403, 'error.crossSite'));
    }
  });

  app.setErrorHandler((error: { statusCode?: number; code?: string }, request, reply: FastifyReply) => {
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) request.log.error({ err: error }, 'unhandled error');
    else request.log.info({ code: error.code }, 'bad request');
    return reply.code(status).send(errorBody(request, status, status === 500 ? 'error.internal' : status === 429 ? 'error.rateLimited' : 'error.badRequest'));
  });

  app.get('/healthz', async (_request, reply) => {
    try {
      await Promise.race([
        sql`select 1`.execute(deps.db),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer in time')), 3000).unref()),
      ]);
      return reply.code(200).send({ status: 'ok', db: 'ok' });
    } catch (error) {
      app.log.warn({ err: error }, 'health check: database unavailable');
      return reply.code(503).send({ status: 'unavailable', db: 'unavailable' });
    }
  });

  await registerAttachmentRoutes(app, deps);
  registerExportRoutes(app, deps);
  registerAgreementPdfRoute(app, deps);
  registerAnnualReportRoute(app, deps);

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      createContext: ({ req, res }) => {
        const secure = req.protocol === 'https';
        return createContext(deps, {
          sessionToken: req.cookies[SESSION_COOKIE] ?? null,
          meta: requestMeta(req),
          cookie: {
            set(token, expiresAt) {
              res.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: expiresAt });
            },
            clear() {
              res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
            },
          },
        });
      },
      onError({ error, path, req }) {
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
        else req.log.info({ code: error.code, path }, 'procedure refused');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  const webDist = options.webDist;
  if (webDist && existsSync(webDist)) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: 'index.html' });
    // The client routes in the browser: any other GET gets the app's page.
    app.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/trpc') && request.headers.accept?.includes('text/html')) {
        return reply.type('text/html').sendFile('index.html');
      }
      return reply.code(404).send(errorBody(request, 404, 'error.notFound'));
    });
  } else {
    app.setNotFoundHandler((request, reply) => reply.code(404).send(errorBody(request, 404, 'error.notFound')));
  }

  return app;
}

const DOMAIN_STATUS: Record<string, number> = { BAD_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409 };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Attachments travel as multipart uploads, outside tRPC. The session cookie authorises them as
 * it does every procedure (cross-site uploads are refused by the onRequest hook); the services
 * check size, type (by content) and who may write or read.
 */
async function registerAttachmentRoutes(app: FastifyInstance, deps: ApiDeps): Promise<void> {
  // One file per request; one byte over the limit is enough to know it is too big.
  await app.register(fastifyMultipart, { limits: { files: 1, fileSize: MAX_ATTACHMENT_BYTES + 1, fields: 5, parts: 6 } });

  const contextFor = (request: FastifyRequest) =>
    createContext(deps, {
      sessionToken: request.cookies[SESSION_COOKIE] ?? null,
      meta: requestMeta(request),
      cookie: { set: () => undefined, clear: () => undefined },
    });

  const fail = (request: FastifyRequest, reply: FastifyReply, error: unknown) => {
    if (!(error instanceof DomainError)) throw error;
    const status = DOMAIN_STATUS[error.code] ?? 500;
    const params = error.params ? Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === 'object' ? v[requestLanguage(request)] : v])) : undefined;
    return reply.code(status).send({
      error: {
        message: translate(requestLanguage(request), error.messageKey, params),
        data: { httpStatus: status, messageKey: error.messageKey, field: error.field ?? null, params: params ?? null, requestId: request.id },
      },
    });
  };

  app.post<{ Params: { applicationId: string } }>('/attachments/:applicationId', async (request, reply) => {
    try {
      if (!UUID.test(request.params.applicationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'applicationId');
      const user = await contextFor(request).session();
      if (!user) throw new DomainError('UNAUTHENTICATED', 'error.unauthenticated');
      if (!request.isMultipart()) throw new DomainError('BAD_INPUT', 'error.attachment.missingFile', 'file');
      const file = await request.file();
      if (!file) throw new DomainError('BAD_INPUT', 'error.attachment.missingFile', 'file');
      const data = await file.toBuffer().catch((error: { code?: string }) => {
        if (error.code === 'FST_REQ_FILE_TOO_LARGE') return null;
        throw error;
      });
      const saved = await uploadAttachment(deps.db, deps.files, user, requestMeta(request), {
        applicationId: request.params.applicationId,
        fileName: file.filename,
        data: data ?? Buffer.alloc(0),
        truncated: data === null || file.file.truncated,
      });
      return reply.code(201).send(saved);
    } catch (error) {
      return fail(request, reply, error);
    }
  });

  app.get<{ Params: { applicationId: string; attachmentId: string } }>('/attachments/:applicationId/:attachmentId', async (request, reply) => {
    try {
      const { applicationId, attachmentId } = request.params;
      if (!UUID.test(applicationId) || !UUID.test(attachmentId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'attachmentId');
      const user = await contextFor(request).session();
      if (!user) throw new DomainError('UNAUTHENTICATED', 'error.unauthenticated');
      const file = await readAttachment(deps.db, deps.files, user, { applicationId, attachmentId });
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
        .header('cache-control', 'private, no-store')
        .send(file.data);
    } catch (error) {
      return fail(request, reply, error);
    }
  });
}

const EXPORT_FILE = /^(reconciliation|payments|disclosure|results-indicators|results-program|results-gba)\.(xlsx|csv)$/;
const FISCAL_YEAR = /^\d{4}-\d{2}$/;

/**
 * Finance exports as files: /exports/reconciliation.xlsx (or .csv), /exports/payments.xlsx,
 * /exports/disclosure.xlsx. The session cookie authorises them; only staff who read money may.
 */
function registerExportRoutes(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Params: { file: string }; Querystring: { programId?: string; fiscalYear?: string; byCategory?: string } }>('/exports/:file', async (request, reply) => {
    const lang = requestLanguage(request);
    const match = EXPORT_FILE.exec(request.params.file);
    if (!match) return reply.code(404).send(errorBody(request, 404, 'error.notFound'));
    const user = await createContext(deps, { sessionToken: request.cookies[SESSION_COOKIE] ?? null, meta: requestMeta(request), cookie: { set: () => undefined, clear: () => undefined } }).session();
    if (!user) return reply.code(401).send(errorBody(request, 401, 'error.unauthenticated'));
    const [, name, format] = match as unknown as [string, 'reconciliation' | 'payments' | 'disclosure' | 'results-indicators' | 'results-program' | 'results-gba', ExportFormat];
    const results = name.startsWith('results-');
    try {
      if (results) assertCanReadResults(user);
      else assertCanExport(user);
    } catch {
      return reply.code(403).send(errorBody(request, 403, 'error.forbidden'));
    }
    const programId = request.query.programId && UUID.test(request.query.programId) ? request.query.programId : null;
    const fiscalYear = request.query.fiscalYear && FISCAL_YEAR.test(request.query.fiscalYear) ? request.query.fiscalYear : null;
    // The results tables are for one program and fiscal year.
    if (results && (!programId || !fiscalYear)) return reply.code(400).send(errorBody(request, 400, 'error.invalid'));
    const today = isoDateIn(new Date(), 'America/Toronto');
    const buildSheet = async () =>
      name === 'reconciliation'
        ? await reconciliationSheet(deps.db, { programId, fiscalYear, byCategory: request.query.byCategory === 'true' })
        : name === 'payments'
          ? await paymentsSheet(deps.db, { fiscalYear })
          : name === 'disclosure'
            ? await disclosureSheet(deps.db)
            : name === 'results-indicators'
              ? await indicatorResultsSheet(deps.db, { programId: programId!, fiscalYear: fiscalYear! }, today)
              : name === 'results-program'
                ? await programDetailsSheet(deps.db, { programId: programId!, fiscalYear: fiscalYear! })
                : await gbaSheet(deps.db, { programId: programId!, fiscalYear: fiscalYear! });
    let sheet: Awaited<ReturnType<typeof buildSheet>>;
    try {
      sheet = await buildSheet();
    } catch (error) {
      if (error instanceof DomainError) return reply.code(DOMAIN_STATUS[error.code] ?? 500).send(errorBody(request, DOMAIN_STATUS[error.code] ?? 500, error.messageKey));
      throw error;
    }
    const data = await writeSheet(sheet, format);
    request.log.info({ export: name, rows: sheet.rows.length, lang }, 'export');
    return reply
      .header('content-type', format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}${fiscalYear ? `-${fiscalYear}` : ''}.${format}"`)
      .header('cache-control', 'private, no-store')
      .send(data);
  });
}

/**
 * A strategy's annual progress report as a PDF: /results/annual-report.pdf?strategyId&fiscalYear&lang,
 * for the staff who read results.
 */
function registerAnnualReportRoute(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Querystring: { strategyId?: string; fiscalYear?: string; lang?: string } }>('/results/annual-report.pdf', async (request, reply) => {
    const user = await createContext(deps, { sessionToken: request.cookies[SESSION_COOKIE] ?? null, meta: requestMeta(request), cookie: { set: () => undefined, clear: () => undefined } }).session();
    if (!user) return reply.code(401).send(errorBody(request, 401, 'error.unauthenticated'));
    try {
      assertCanReadResults(user);
    } catch {
      return reply.code(403).send(errorBody(request, 403, 'error.forbidden'));
    }
    const { strategyId, fiscalYear } = request.query;
    if (!strategyId || !UUID.test(strategyId) || !fiscalYear || !FISCAL_YEAR.test(fiscalYear)) return reply.code(400).send(errorBody(request, 400, 'error.invalid'));
    const lang = request.query.lang === 'fr' ? 'fr' : request.query.lang === 'en' ? 'en' : requestLanguage(request);
    try {
      const report = await annualReportData(deps.db, { strategyId, fiscalYear }, isoDateIn(new Date(), 'America/Toronto'));
      const pdf = await renderAnnualReportPdf(report, lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="annual-report-${report.strategy.code}-${fiscalYear}-${lang}.pdf"`)
        .header('cache-control', 'private, no-store')
        .send(pdf);
    } catch (error) {
      if (error instanceof DomainError) return reply.code(DOMAIN_STATUS[error.code] ?? 500).send(errorBody(request, DOMAIN_STATUS[error.code] ?? 500, error.messageKey));
      throw error;
    }
  });
}

/**
 * The agreement as a PDF: /agreements/:id/pdf, in the recipient's official language unless
 * ?lang=en or ?lang=fr asks for the other, for the version in force unless ?version=N.
 */
function registerAgreementPdfRoute(app: FastifyInstance, deps: ApiDeps): void {
  app.get<{ Params: { agreementId: string }; Querystring: { lang?: string; version?: string } }>('/agreements/:agreementId/pdf', async (request, reply) => {
    if (!UUID.test(request.params.agreementId)) return reply.code(404).send(errorBody(request, 404, 'error.notFound'));
    const user = await createContext(deps, { sessionToken: request.cookies[SESSION_COOKIE] ?? null, meta: requestMeta(request), cookie: { set: () => undefined, clear: () => undefined } }).session();
    if (!user) return reply.code(401).send(errorBody(request, 401, 'error.unauthenticated'));
    const lang = request.query.lang === 'fr' || request.query.lang === 'en' ? request.query.lang : undefined;
    const version = request.query.version && /^\d{1,4}$/.test(request.query.version) ? Number(request.query.version) : undefined;
    try {
      const { lang: chosen, document, fileName } = await agreementDocumentData(deps.db, user, { agreementId: request.params.agreementId, version, lang });
      const pdf = await renderAgreementPdf(document, chosen);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `attachment; filename="${fileName}"`).header('cache-control', 'private, no-store').send(pdf);
    } catch (error) {
      if (error instanceof DomainError) return reply.code(DOMAIN_STATUS[error.code] ?? 500).send(errorBody(request, DOMAIN_STATUS[error.code] ?? 500, error.messageKey));
      throw error;
    }
  });
}
