/**
 * The printed contribution agreement, with its schedules (A: project and milestones, B: budget
 * by fiscal year and cost category and other funding, C: payment terms, advances and holdback,
 * D: reporting schedule, indicators and risk), in English or French, made with pdfkit. The
 * province or territory template has its own title and names its party differently.
 */
import { formatLongDate, formatMoney, formatBasisPoints, type CostCategory, type FundingSourceKind } from '@tp/domain';
import { translate, type Lang, type MessageKey } from '@tp/i18n';
import { createPdfLayout, winAnsi } from '../documents/pdf-layout';

export interface AgreementDocument {
  referenceNumber: string;
  version: number;
  template: 'standard' | 'province_territory';
  status: string;
  recipient: { legalName: string; provinceOrTerritory: string; addressLine: string | null; city: string | null; postalCode: string | null; businessNumber: string | null };
  program: { name: string; stream: string | null; pillars: string[] };
  project: { title: string; description: string; startDate: string; endDate: string };
  totalCents: bigint;
  fiscalYearAmounts: { fiscalYear: string; amountCents: bigint }[];
  budget: { fiscalYear: string; category: CostCategory; amountCents: bigint }[];
  paymentBasis: 'advance' | 'reimbursement';
  advanceSchedule: { fiscalYear: string; periodStart: string; periodEnd: string; amountCents: bigint }[];
  holdbackCents: bigint;
  holdbackBasisPoints: bigint | null;
  riskLevel: 'low' | 'medium' | 'high';
  riskReasons: string;
  reportingFrequency: 'monthly' | 'quarterly' | 'semi_annual' | 'annual';
  reportingSchedule: { periodStart: string; periodEnd: string; dueDate: string; final: boolean }[];
  milestones: { title: string; deliverables: string; dueDate: string; paymentCents: bigint | null }[];
  indicators: { code: string; name: string; targetValue: string }[];
  otherFunding: { source: string; kind: FundingSourceKind; amountCents: bigint; status: 'confirmed' | 'pending' }[];
  specialConditions: string;
  recipientSignature: { name: string; title: string; signedOn: string } | null;
  departmentSignature: { name: string; signedOn: string } | null;
}

export function renderAgreementPdf(doc: AgreementDocument, lang: Lang): Promise<Buffer> {
  const t = (key: string, params?: Record<string, string | number>) => winAnsi(translate(lang, key as MessageKey, params));
  const money = (c: bigint) => winAnsi(formatMoney(c, lang));
  const date = (iso: string) => winAnsi(formatLongDate(new Date(`${iso}T12:00:00Z`), lang, 'UTC'));

  const { pdf, width, heading, para, table, finish } = createPdfLayout({ title: `${doc.referenceNumber} v${doc.version}` });

  // Cover: title, parties, main terms.
  pdf.font('Helvetica-Bold').fontSize(18).text(t(`pdf.title.${doc.template}`), { width });
  pdf.moveDown(0.3).font('Helvetica').fontSize(11).text(t('pdf.reference', { reference: doc.referenceNumber, version: doc.version }));
  if (doc.status === 'draft' || doc.status === 'sent_for_signature') pdf.moveDown(0.3).font('Helvetica-Bold').fillColor('#a62a1e').text(t('pdf.draft')).fillColor('black');
  heading(t('pdf.between'), 11);
  para(t('pdf.canada'));
  para(t('pdf.and'));
  const place = [doc.recipient.city, doc.recipient.provinceOrTerritory].filter(Boolean).join(', ');
  para(t(`pdf.recipient.${doc.template}`, { name: doc.recipient.legalName, place }));
  if (doc.recipient.businessNumber) para(t('pdf.bn', { bn: doc.recipient.businessNumber }));
  heading(t('pdf.purpose'));
  para(t('pdf.purposeText', { title: doc.project.title, program: doc.program.name }));
  heading(t('pdf.term'));
  para(t('pdf.termText', { start: date(doc.project.startDate), end: date(doc.project.endDate) }));
  heading(t('pdf.amount'));
  para(t('pdf.amountText', { total: money(doc.totalCents) }));
  heading(t('pdf.conditions'));
  para(doc.specialConditions.trim() === '' ? t('pdf.none') : winAnsi(doc.specialConditions));

  // Schedule A
  pdf.addPage();
  heading(t('pdf.scheduleA'), 14);
  para(t('pdf.program', { program: doc.program.name }));
  if (doc.program.stream) para(t('pdf.stream', { stream: doc.program.stream }));
  if (doc.program.pillars.length > 0) para(t('pdf.pillars', { pillars: doc.program.pillars.join(', ') }));
  if (doc.project.description.trim() !== '') para(winAnsi(doc.project.description));
  if (doc.milestones.length > 0) {
    heading(t('pdf.milestones'), 11);
    table(
      [t('pdf.col.milestone'), t('pdf.col.due'), t('pdf.col.payment')],
      doc.milestones.map((m) => [winAnsi(m.deliverables ? `${m.title}: ${m.deliverables}` : m.title), date(m.dueDate), m.paymentCents === null ? '' : money(m.paymentCents)]),
      [0.6, 0.2, 0.2],
      [false, false, true],
    );
  }

  // Schedule B
  heading(t('pdf.scheduleB'), 14);
  const budgetRows: string[][] = [];
  const boldRows: boolean[] = [];
  for (const y of doc.fiscalYearAmounts) {
    for (const l of doc.budget.filter((b) => b.fiscalYear === y.fiscalYear)) {
      budgetRows.push([y.fiscalYear, t(`apply.cost.${l.category}`), money(l.amountCents)]);
      boldRows.push(false);
    }
    budgetRows.push(['', t('pdf.yearTotal', { fiscalYear: y.fiscalYear }), money(y.amountCents)]);
    boldRows.push(true);
  }
  budgetRows.push(['', t('pdf.grandTotal'), money(doc.totalCents)]);
  boldRows.push(true);
  table([t('pdf.col.fiscalYear'), t('pdf.col.category'), t('pdf.col.amount')], budgetRows, [0.2, 0.55, 0.25], [false, false, true], boldRows);
  if (doc.otherFunding.length > 0) {
    heading(t('pdf.otherFunding'), 11);
    table(
      [t('pdf.col.source'), t('pdf.col.status'), t('pdf.col.amount')],
      doc.otherFunding.map((f) => [winAnsi(`${f.source} (${translate(lang, `apply.fundingKind.${f.kind}` as MessageKey)})`), t(`pdf.status.${f.status}`), money(f.amountCents)]),
      [0.55, 0.2, 0.25],
      [false, false, true],
    );
  }

  // Schedule C
  heading(t('pdf.scheduleC'), 14);
  para(t(`pdf.basis.${doc.paymentBasis}`));
  if (doc.advanceSchedule.length > 0) {
    table(
      [t('pdf.col.fiscalYear'), t('pdf.col.period'), t('pdf.col.amount')],
      doc.advanceSchedule.map((a) => [a.fiscalYear, `${date(a.periodStart)} – ${date(a.periodEnd)}`, money(a.amountCents)]),
      [0.2, 0.55, 0.25],
      [false, false, true],
    );
  }
  para(t('pdf.holdback', { amount: money(doc.holdbackCents), percent: doc.holdbackBasisPoints !== null ? ` (${winAnsi(formatBasisPoints(doc.holdbackBasisPoints))}${lang === 'fr' ? '\u00a0%' : '%'})` : '' }));

  // Schedule D
  heading(t('pdf.scheduleD'), 14);
  para(t('pdf.risk', { level: t(`pdf.risk.${doc.riskLevel}`), reasons: winAnsi(doc.riskReasons) }));
  heading(t('pdf.reporting', { frequency: t(`pdf.frequency.${doc.reportingFrequency}`) }), 11);
  table(
    [t('pdf.col.period'), t('pdf.col.due2')],
    doc.reportingSchedule.map((p) => [`${date(p.periodStart)} – ${date(p.periodEnd)}${p.final ? ` (${t('pdf.final')})` : ''}`, date(p.dueDate)]),
    [0.65, 0.35],
  );
  if (doc.indicators.length > 0) {
    heading(t('pdf.indicators'), 11);
    table([t('pdf.col.indicator'), t('pdf.col.target')], doc.indicators.map((i) => [winAnsi(i.name), i.targetValue]), [0.8, 0.2], [false, true]);
  }
  para(t('pdf.privacy'));

  // Signatures
  heading(t('pdf.signatures'), 14);
  pdf.font('Helvetica-Bold').text(t('pdf.forRecipient')).font('Helvetica');
  para(doc.recipientSignature ? t('pdf.signedBy', { name: doc.recipientSignature.name, title: doc.recipientSignature.title, date: date(doc.recipientSignature.signedOn) }) : t('pdf.unsigned'));
  pdf.font('Helvetica-Bold').text(t('pdf.forCanada')).font('Helvetica');
  para(doc.departmentSignature ? t('pdf.signedByCanada', { name: doc.departmentSignature.name, date: date(doc.departmentSignature.signedOn) }) : t('pdf.unsigned'));

  // Page numbers and the reference on every page.
  return finish((n) => `${doc.referenceNumber} v${doc.version} · ${t('pdf.page', { n })}`);
}
