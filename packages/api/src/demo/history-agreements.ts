/**
 * One batch of generated agreements with their versions, reporting periods, progress reports (with
 * indicator actuals and GBA Plus counts) and money journal, through the domain's schedules and
 * arithmetic so that every row passes the database's constraints and triggers.
 */
import type { Db } from '@tp/db';
import { GBA_CATEGORIES, agreementReference, agreementTemplateFor, allocate, holdbackCents, payableBeforeFinalReport, proposeFiscalYearAmounts, reportingSchedule, riskDefaults, type ActivityStatus, type GbaDimension, type IsoDate, type OrganisationType, type RiskLevel } from '@tp/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { addDays, addMonths, dayBefore, insertBatches, instant, type ProgramPlan, type Random, type Row, splitCount, weighted } from './history-kit';

const PROJECT_TITLES = [
  'Prevention workshops for youth at risk',
  'Trauma-informed support for survivors',
  'Training for front-line practitioners',
  'Outreach in rural and remote communities',
  'Survivor-led peer mentoring',
  'Investigative capacity and victim identification',
  'Data collection and partnerships',
  'Awareness campaign for parents and educators',
] as const;

/** The same titles in French, with what each project is expected to achieve in both languages (the disclosure's fields). */
const PROJECT_TEXTS_FR: Record<(typeof PROJECT_TITLES)[number], { titleFr: string; resultsEn: string; resultsFr: string }> = {
  'Prevention workshops for youth at risk': { titleFr: 'Ateliers de prévention pour les jeunes à risque', resultsEn: 'Youth at risk recognise recruitment tactics and know where to get help.', resultsFr: 'Les jeunes à risque reconnaissent les tactiques de recrutement et savent où obtenir de l’aide.' },
  'Trauma-informed support for survivors': { titleFr: 'Soutien tenant compte des traumatismes pour les survivantes et survivants', resultsEn: 'Survivors receive safe, trauma-informed support and stay connected to services.', resultsFr: 'Les survivantes et survivants reçoivent un soutien sûr qui tient compte des traumatismes et restent liés aux services.' },
  'Training for front-line practitioners': { titleFr: 'Formation des intervenantes et intervenants de première ligne', resultsEn: 'Front-line practitioners identify victims sooner and refer them to the right services.', resultsFr: 'Les intervenants de première ligne repèrent plus tôt les victimes et les orientent vers les bons services.' },
  'Outreach in rural and remote communities': { titleFr: 'Sensibilisation dans les collectivités rurales et éloignées', resultsEn: 'People in rural and remote communities know the signs of trafficking and the help available.', resultsFr: 'Les gens des collectivités rurales et éloignées connaissent les signes de la traite et l’aide offerte.' },
  'Survivor-led peer mentoring': { titleFr: 'Mentorat par les pairs mené par des survivantes', resultsEn: 'Survivors mentored by peers rebuild stability and confidence.', resultsFr: 'Les survivantes accompagnées par des pairs retrouvent stabilité et confiance.' },
  'Investigative capacity and victim identification': { titleFr: 'Capacité d’enquête et identification des victimes', resultsEn: 'More victims identified and more files investigated without delay.', resultsFr: 'Plus de victimes identifiées et plus de dossiers traités sans délai.' },
  'Data collection and partnerships': { titleFr: 'Collecte de données et partenariats', resultsEn: 'Partners collect common measures, so results can be compared and added up.', resultsFr: 'Les partenaires recueillent des mesures communes, de sorte que les résultats se comparent et s’additionnent.' },
  'Awareness campaign for parents and educators': { titleFr: 'Campagne de sensibilisation pour les parents et le personnel enseignant', resultsEn: 'Parents and educators recognise online luring and report it.', resultsFr: 'Les parents et le personnel enseignant reconnaissent le leurre en ligne et le signalent.' },
};

const MILESTONE_TITLES = ['Project launch and hiring', 'Delivery of activities', 'Partnership and outreach', 'Evaluation and final report'];

const COST_CATEGORIES = ['salaries_benefits', 'travel', 'materials_supplies', 'professional_services', 'evaluation', 'administration'] as const;

interface BatchContext {
  plans: ProgramPlan[];
  organisations: { id: string; type: OrganisationType; userId: string; language: 'en' | 'fr' }[];
  officerId: string;
  managerId: string;
  firstStartYear: number;
  years: number;
  today: IsoDate;
  commitments: Map<string, bigint>;
  knownFiscalYears: Set<string>;
  lastKnownDay: IsoDate;
}

/** A version's texts in both languages from its title (no draw: the history's other figures are unchanged). */
function projectTexts(title: (typeof PROJECT_TITLES)[number]) {
  const fr = PROJECT_TEXTS_FR[title];
  return {
    title,
    titleFr: fr.titleFr,
    description: `${title}: a project funded under the program (generated history).`,
    descriptionFr: `${fr.titleFr} : un projet financé par le programme (historique généré).`,
    expectedResultsEn: fr.resultsEn,
    expectedResultsFr: fr.resultsFr,
  };
}

export async function generateAgreements(db: Db, random: Random, count: number, ctx: BatchContext) {
  const agreements: Row<'agreement'>[] = [];
  const versions: Row<'agreementVersion'>[] = [];
  const pillars: Row<'agreementVersionPillar'>[] = [];
  const fiscalYears: Row<'agreementFiscalYear'>[] = [];
  const budgetLines: Row<'agreementBudgetLine'>[] = [];
  const milestones: Row<'agreementMilestone'>[] = [];
  const agreementIndicators: Row<'agreementIndicator'>[] = [];
  const periods: Row<'reportingPeriod'>[] = [];
  const reports: Row<'progressReport'>[] = [];
  const revisions: Row<'progressReportRevision'>[] = [];
  const values: Row<'reportIndicatorValue'>[] = [];
  const breakdowns: Row<'reportIndicatorBreakdown'>[] = [];
  const activities: Row<'reportActivityStatus'>[] = [];
  const journal: { agreementId: string; fiscalYear: string; costCategory: string | null; kind: string; amountCents: bigint; agreementVersion: number; memo: string; createdBy: string; createdAt: Date }[] = [];
  const toClose: string[] = [];

  const refs = await sql<{ n: string }>`select nextval('agreement_reference_seq')::text as n from generate_series(1, ${count})`.execute(db);
  for (let k = 0; k < count; k++) {
    // Generated programs (many indicators each) take more of the agreements, as large programs do.
    const extra = ctx.plans.filter((x) => x.extra);
    const plan = extra.length > 0 && random.chance(0.6) ? random.pick(extra) : random.pick(ctx.plans.filter((x) => !x.extra));
    const org = random.pick(ctx.organisations);
    const startYear = ctx.firstStartYear + random.int(0, ctx.years - 1);
    const startDate: IsoDate = addMonths(`${startYear}-04-01`, random.pick([0, 0, 3, 6, 9]));
    const months = random.pick([12, 18, 24, 24, 36, 36, 48, 60]);
    // Terms end within the fiscal years the database knows.
    const endDate = [dayBefore(addMonths(startDate, months)), ctx.lastKnownDay].sort()[0]!;
    const risk: RiskLevel = weighted(random, [['low', 25], ['medium', 45], ['high', 30]] as const);
    const defaults = riskDefaults(risk);
    const totalCents = BigInt(random.int(5, 150)) * 1_000_000n; // $50,000 to $1.5M
    const holdbackBp = defaults.holdbackBasisPoints;
    const yearsOfTerm = proposeFiscalYearAmounts(totalCents, startDate, endDate);
    if (yearsOfTerm.some((y) => !ctx.knownFiscalYears.has(y.fiscalYear))) continue;
    const adjustedTotal = yearsOfTerm.reduce((s, y) => s + y.amountCents, 0n);
    const kept = holdbackCents(adjustedTotal, { kind: 'percent', basisPoints: holdbackBp });
    const pillarId = random.pick(plan.pillarIds);
    const ended = endDate < ctx.today;
    const id = randomUUID();
    const versionId = randomUUID();
    const signedAt = instant(addDays(startDate, -random.int(10, 40)));
    const frequency = defaults.reportingFrequency;
    const schedule = reportingSchedule(startDate, endDate, frequency);
    // Most closed agreements had their final report accepted; a few were closed without it.
    const finalAccepted = ended && addDays(endDate, 60) < ctx.today && random.chance(0.95);
    const finalAcceptedAt = finalAccepted ? instant(addDays(endDate, random.int(20, 60))) : null;
    agreements.push({
      id,
      referenceNumber: agreementReference(Number(startDate.slice(0, 4)), BigInt(refs.rows[k]!.n)),
      programId: plan.id,
      organisationId: org.id,
      template: agreementTemplateFor(org.type),
      status: 'active' as const,
      currentVersion: 1,
      createdBy: ctx.officerId,
      createdAt: signedAt,
      sentAt: signedAt,
      sentBy: ctx.officerId,
      recipientSignedAt: signedAt,
      recipientSignedBy: org.userId,
      recipientSignerName: 'Executive Director',
      recipientSignerTitle: 'Executive Director',
      departmentSignedAt: signedAt,
      departmentSignedBy: ctx.managerId,
      departmentSignerRole: 'program_manager' as const,
      departmentSignerLimitCents: plan.signerLimitCents,
      finalReportAcceptedAt: finalAcceptedAt,
    });
    if (ended) toClose.push(id);
    versions.push({
      id: versionId,
      agreementId: id,
      version: 1,
      status: 'draft' as const,
      ...projectTexts(random.pick(PROJECT_TITLES)),
      startDate,
      endDate,
      totalCents: adjustedTotal,
      paymentBasis: defaults.paymentBasis,
      advanceFrequency: defaults.advanceFrequency,
      holdbackCents: kept,
      holdbackBp: Number(holdbackBp),
      riskLevel: risk,
      riskReasons: risk === 'low' ? 'Experienced recipient with a clean record.' : risk === 'medium' ? 'New project model.' : 'First agreement; large amount.',
      reportingFrequency: frequency,
      createdBy: ctx.officerId,
      createdAt: signedAt,
    });
    pillars.push({ versionId, pillarId });
    for (const y of yearsOfTerm) {
      fiscalYears.push({ versionId, fiscalYear: y.fiscalYear, amountCents: y.amountCents });
      const cats = [COST_CATEGORIES[0], random.pick(COST_CATEGORIES.slice(1))] as const;
      const parts = allocate(y.amountCents, [7n, 3n]);
      budgetLines.push({ versionId, fiscalYear: y.fiscalYear, costCategory: cats[0], amountCents: parts[0]! });
      if (cats[1] !== cats[0]) budgetLines.push({ versionId, fiscalYear: y.fiscalYear, costCategory: cats[1], amountCents: parts[1]! });
      else budgetLines[budgetLines.length - 1]!.amountCents += parts[1]!;
      const key = `${plan.id}|${pillarId}|${y.fiscalYear}`;
      ctx.commitments.set(key, (ctx.commitments.get(key) ?? 0n) + y.amountCents);
      journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: null, kind: 'commitment', amountCents: y.amountCents, agreementVersion: 1, memo: 'Signed', createdBy: ctx.managerId, createdAt: signedAt });
    }
    const milestoneKeys: string[] = [];
    const milestoneCount = random.int(2, 4);
    for (let m = 0; m < milestoneCount; m++) {
      const key = randomUUID();
      milestoneKeys.push(key);
      const due = addDays(startDate, Math.round(((m + 1) / milestoneCount) * (months * 30 - 10)));
      milestones.push({ versionId, key, position: m + 1, title: MILESTONE_TITLES[m] ?? `Milestone ${m + 1}`, deliverables: '', dueDate: due < endDate ? due : endDate, paymentCents: null });
    }
    // A program's own indicators are all carried; a strategy's common ones, some of them.
    const chosen = plan.indicators.filter((ind, i) => i === 0 || ind.own || random.chance(0.6));
    for (const ind of chosen) agreementIndicators.push({ versionId, indicatorId: ind.id, targetValue: ind.unit === 'percent' ? String(random.int(60, 90)) : String(random.int(40, 400)) });
    // How much this recipient reaches each period; some never disclose one dimension.
    const scaleOfReach = random.int(5, 60);
    const undisclosed = new Set<GbaDimension>(random.chance(0.3) ? ['two_slgbtqi_plus', 'disability'] : random.chance(0.2) ? ['newcomer_or_migrant'] : []);

    // Periods and reports. Late recipients leave a report unfiled or still in review.
    const lateFiler = random.chance(0.1);
    for (const p of schedule) {
      const periodId = randomUUID();
      periods.push({ id: periodId, agreementId: id, fiscalYear: p.fiscalYear, periodStart: p.start, periodEnd: p.end, dueDate: p.dueDate, isFinal: p.final });
      if (p.dueDate > ctx.today && !(p.end < ctx.today && random.chance(0.5))) continue;
      if (!p.final && lateFiler && random.chance(0.3)) continue; // never filed
      if (p.final && ended && !finalAccepted) continue;
      const accepted = p.final ? finalAccepted : !(p.dueDate > addDays(ctx.today, -45) && random.chance(0.4));
      const reportId = randomUUID();
      const submittedAt = instant(addDays(p.dueDate, random.int(-20, lateFiler ? 40 : 5)));
      const acceptedAt = accepted ? (p.final && finalAcceptedAt ? finalAcceptedAt : instant(addDays(p.dueDate, random.int(10, 30)))) : null;
      const content = { activities: [], deliverables: '', indicators: [], progress: 'Generated history.', challenges: '', lessons: '', risks: [], finalResults: p.final ? 'Generated history.' : '' };
      reports.push({
        id: reportId,
        periodId,
        agreementId: id,
        status: accepted ? ('accepted' as const) : ('submitted' as const),
        revision: 1,
        draft: JSON.stringify(content),
        createdBy: org.userId,
        createdAt: submittedAt,
        updatedAt: acceptedAt ?? submittedAt,
        acceptedAt,
        acceptedBy: accepted ? ctx.officerId : null,
      });
      revisions.push({
        reportId,
        revision: 1,
        content: JSON.stringify(content),
        submittedBy: org.userId,
        submittedAt,
        outcome: accepted ? ('accepted' as const) : null,
        reviewedBy: accepted ? ctx.officerId : null,
        reviewedAt: acceptedAt,
      });
      {
        const monthsInPeriod = frequency === 'monthly' ? 1 : frequency === 'quarterly' ? 3 : frequency === 'semi_annual' ? 6 : 12;
        for (const ind of chosen) {
          let value: string;
          if (ind.unit === 'percent') value = (random.int(300, 1000) / 10).toFixed(1);
          else if (ind.unit === 'yes_no') value = random.chance(0.7) ? '1' : '0';
          else if (ind.unit === 'days') value = String(random.int(1, 30));
          else value = String(Math.max(0, Math.round(scaleOfReach * monthsInPeriod * (0.5 + random.next()))));
          values.push({ reportId, revision: 1, indicatorId: ind.id, value });
          if (ind.unit === 'count') {
            for (const dimension of ind.gbaDimensions) {
              for (const part of splitCount(random, Number(value), GBA_CATEGORIES[dimension], undisclosed.has(dimension))) {
                breakdowns.push({ reportId, revision: 1, indicatorId: ind.id, dimension, category: part.category, count: part.count });
              }
            }
          }
        }
        const elapsed = (p.end.localeCompare(startDate) >= 0 ? 1 : 0) * (schedule.indexOf(p) + 1) / schedule.length;
        milestoneKeys.forEach((key, m) => {
          const share = (m + 1) / milestoneKeys.length;
          const status: ActivityStatus = elapsed >= share ? 'completed' : elapsed >= share - 0.35 ? (random.chance(0.15) ? 'delayed' : 'in_progress') : 'not_started';
          activities.push({ reportId, revision: 1, milestoneKey: key, status, reason: status === 'delayed' ? 'Staffing delays.' : '', newExpectedDate: status === 'delayed' ? addDays(p.end, 90) : null });
        });
      }
    }

    // Money: what was spent and reimbursed each period that ended, the holdback kept until the
    // final report, then released.
    const payable = new Map(payableBeforeFinalReport(yearsOfTerm, kept).map((y) => [y.fiscalYear, y.amountCents]));
    for (const y of yearsOfTerm) {
      const inYear = schedule.filter((p) => p.fiscalYear === y.fiscalYear);
      const yearPayable = payable.get(y.fiscalYear) ?? 0n;
      if (yearPayable <= 0n || inYear.length === 0) continue;
      const parts = allocate(yearPayable, inYear.map(() => 1n));
      inYear.forEach((p, i) => {
        const amount = parts[i]!;
        if (amount <= 0n) return;
        const accounted = addDays(p.end, 35) < ctx.today;
        if (defaults.paymentBasis === 'advance') {
          // An advance at the start of the period, accounted for by the expenditures reported after it.
          if (addDays(p.start, 5) >= ctx.today) return;
          journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: null, kind: 'advance_paid', amountCents: amount, agreementVersion: 1, memo: 'Advance', createdBy: ctx.managerId, createdAt: instant(addDays(p.start, 5)) });
          if (!accounted) return;
          const at = instant(addDays(p.end, 35));
          journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: 'salaries_benefits', kind: 'expenditure_reported', amountCents: amount, agreementVersion: 1, memo: 'Claim', createdBy: org.userId, createdAt: at });
          journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: null, kind: 'advance_reconciled', amountCents: amount, agreementVersion: 1, memo: 'Claim', createdBy: ctx.managerId, createdAt: at });
          return;
        }
        if (!accounted) return;
        const at = instant(addDays(p.end, 35));
        journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: 'salaries_benefits', kind: 'expenditure_reported', amountCents: amount, agreementVersion: 1, memo: 'Claim', createdBy: org.userId, createdAt: at });
        journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: null, kind: 'reimbursement_paid', amountCents: amount, agreementVersion: 1, memo: 'Claim', createdBy: ctx.managerId, createdAt: at });
      });
    }
    if (kept > 0n && finalAcceptedAt) {
      // The holdback is paid like any payment once the final report is accepted, in each year that kept it; the
      // holdback_released entry only marks that part of the payment (PAYMENT_KINDS), as the live release does.
      for (const y of yearsOfTerm) {
        const withheld = y.amountCents - (payable.get(y.fiscalYear) ?? 0n);
        if (withheld <= 0n) continue;
        journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: null, kind: 'reimbursement_paid', amountCents: withheld, agreementVersion: 1, memo: 'Holdback paid after the final report', createdBy: ctx.managerId, createdAt: finalAcceptedAt });
        journal.push({ agreementId: id, fiscalYear: y.fiscalYear, costCategory: null, kind: 'holdback_released', amountCents: withheld, agreementVersion: 1, memo: 'Final report accepted', createdBy: ctx.managerId, createdAt: finalAcceptedAt });
      }
    }
  }

  await db.transaction().execute(async (tx) => {
    await insertBatches(agreements, 500, (c) => tx.insertInto('agreement').values(c).execute());
    await insertBatches(versions, 500, (c) => tx.insertInto('agreementVersion').values(c).execute());
    await insertBatches(pillars, 2000, (c) => tx.insertInto('agreementVersionPillar').values(c).execute());
    await insertBatches(fiscalYears, 2000, (c) => tx.insertInto('agreementFiscalYear').values(c).execute());
    await insertBatches(budgetLines, 2000, (c) => tx.insertInto('agreementBudgetLine').values(c).execute());
    await insertBatches(milestones, 1000, (c) => tx.insertInto('agreementMilestone').values(c).execute());
    await insertBatches(agreementIndicators, 2000, (c) => tx.insertInto('agreementIndicator').values(c).execute());
    const ids = versions.map((v) => v.id!);
    await insertBatches(ids, 2000, async (c) => {
      await tx.updateTable('agreementVersion').set({ status: 'proposed' }).where('id', 'in', c).execute();
      await tx.updateTable('agreementVersion').set({ status: 'in_force' }).where('id', 'in', c).execute();
    });
    await insertBatches(periods, 2000, (c) => tx.insertInto('reportingPeriod').values(c).execute());
    await insertBatches(reports, 1000, (c) => tx.insertInto('progressReport').values(c).execute());
    await insertBatches(revisions, 1000, (c) => tx.insertInto('progressReportRevision').values(c).execute());
    await insertBatches(values, 3000, (c) => tx.insertInto('reportIndicatorValue').values(c).execute());
    await insertBatches(breakdowns, 3000, (c) => tx.insertInto('reportIndicatorBreakdown').values(c).execute());
    await insertBatches(activities, 3000, (c) => tx.insertInto('reportActivityStatus').values(c).execute());
    await insertBatches(journal, 2000, (c) => tx.insertInto('ledgerEntry').values(c as never).execute());
    // Agreements whose term ended are closed, three months after their end.
    await insertBatches(toClose, 2000, (c) =>
      tx
        .updateTable('agreement')
        .set({ status: 'closed', endedBy: ctx.officerId, endedAt: sql<Date>`(select (v.end_date + 90)::timestamptz from agreement_version v where v.agreement_id = agreement.id and v.version = 1)` })
        .where('id', 'in', c)
        .execute(),
    );
  });
  return { agreements: agreements.length, reports: reports.length, indicatorValues: values.length, journalEntries: journal.length };
}
