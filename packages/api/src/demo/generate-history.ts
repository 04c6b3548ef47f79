/**
 * Years of history, generated: organisations, signed agreements (some closed), their reporting
 * periods and accepted (or late, or still in review) progress reports with indicator actuals and
 * GBA Plus counts, and the money journal (commitments, expenditures, payments, holdbacks).
 *
 * Written in bulk, but through the same rules as the screens: periods come from the domain's
 * reporting schedule, fiscal-year amounts from its proportional split, holdbacks from its
 * arithmetic, and every row passes the database's own constraints and triggers (the journal's
 * limits, the breakdowns adding up, versions that add up at commit). At scale 1 it writes about
 * 2,000 organisations, 10,000 agreements and 120,000 progress reports over ten fiscal years;
 * the demo loads a small scale so that the results screens have years to show.
 *
 * Deterministic for a seed (except generated ids). Marked by the e-mail domain of the
 * recipients it creates, so a second run on the same database adds nothing.
 */
import type { Database, Db } from '@tp/db';
import type { Insertable } from 'kysely';
import {
  GBA_CATEGORIES,
  type ProvinceOrTerritory,
  agreementReference,
  agreementTemplateFor,
  allocate,
  fiscalYearOf,
  holdbackCents,
  payableBeforeFinalReport,
  proposeFiscalYearAmounts,
  reportingSchedule,
  riskDefaults,
  type ActivityStatus,
  type GbaDimension,
  type IsoDate,
  type OrganisationType,
  type RiskLevel,
} from '@tp/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';

export const GENERATED_EMAIL_DOMAIN = 'history.generated.invalid';

export interface HistoryOptions {
  /** 1 = 2,000 organisations and 10,000 agreements; 0.1 is a tenth. */
  scale: number;
  seed?: number;
  /** What counts as the past: periods ended before it are reported on, years before it paid. */
  today: IsoDate;
  /** How many fiscal years of history, ending with today's. */
  years?: number;
  /**
   * Programs to add, each with its own outcomes and a dozen ready indicators of every unit (the
   * benchmark's data set: the scale issue asks for at least six programs). None for the demo.
   */
  extraPrograms?: number;
  /** Called after each batch, for progress on long runs. */
  onBatch?: (done: number, total: number) => void;
}

export interface HistorySummary {
  organisations: number;
  agreements: number;
  reports: number;
  indicatorValues: number;
  journalEntries: number;
  skipped: boolean;
}

/** A small, fast, seedable generator (mulberry32). */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Random = ReturnType<typeof prng>;

const ORGANISATION_WORDS = [
  ['Northern', 'Coastal', 'Prairie', 'River', 'Harbour', 'Valley', 'Lakeshore', 'Mountain', 'Island', 'Metro'],
  ['Youth', 'Family', 'Women’s', 'Community', 'Survivors’', 'Friendship', 'Outreach', 'Safety', 'Healing', 'Support'],
  ['Centre', 'Network', 'Society', 'Collective', 'Alliance', 'Services', 'Association', 'Circle', 'Coalition', 'Project'],
] as const;
const ORGANISATION_WORDS_FR = [
  ['du Nord', 'côtier', 'des Prairies', 'de la Rivière', 'du Port', 'de la Vallée', 'du Lac', 'des Montagnes', 'de l’Île', 'métropolitain'],
  ['jeunesse', 'famille', 'des femmes', 'communautaire', 'des survivantes', 'd’amitié', 'd’approche', 'de sécurité', 'de guérison', 'de soutien'],
  ['Centre', 'Réseau', 'Société', 'Collectif', 'Alliance', 'Services', 'Association', 'Cercle', 'Coalition', 'Projet'],
] as const;
const PROJECT_TITLES = [
  'Prevention workshops for youth at risk',
  'Trauma-informed support for survivors',
  'Training for front-line practitioners',
  'Outreach in rural and remote communities',
  'Survivor-led peer mentoring',
  'Investigative capacity and victim identification',
  'Data collection and partnerships',
  'Awareness campaign for parents and educators',
];
const MILESTONE_TITLES = ['Project launch and hiring', 'Delivery of activities', 'Partnership and outreach', 'Evaluation and final report'];
const COST_CATEGORIES = ['salaries_benefits', 'travel', 'materials_supplies', 'professional_services', 'evaluation', 'administration'] as const;
const TYPE_WEIGHTS: [OrganisationType, number][] = [
  ['non_profit', 55],
  ['indigenous_organisation', 15],
  ['municipal_police_service', 8],
  ['provincial_police_service', 3],
  ['academic', 7],
  ['province_or_territory', 2],
  ['other', 10],
];
const PROVINCE_WEIGHTS: Record<string, number> = { ON: 38, QC: 22, BC: 13, AB: 11, MB: 4, SK: 3, NS: 3, NB: 2, NL: 1, PE: 1, NT: 1, NU: 1, YT: 1 };

function weighted<T>(random: Random, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let r = random.next() * total;
  for (const [value, w] of entries) {
    r -= w;
    if (r < 0) return value;
  }
  return entries[entries.length - 1]![0];
}

function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}
function dayBefore(date: IsoDate): IsoDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
function addDays(date: IsoDate, days: number): IsoDate {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
const instant = (date: IsoDate) => new Date(`${date}T15:00:00Z`);

/** Split a count over the categories of a GBA Plus dimension (every person counted once). */
function splitCount(random: Random, total: number, categories: readonly string[], undisclosed: boolean): { category: string; count: number }[] {
  if (undisclosed) return [{ category: 'not_disclosed', count: total }];
  const weights = categories.map((c) => BigInt(c === 'not_disclosed' ? random.int(0, 2) : random.int(1, 10)));
  const parts = allocate(BigInt(total), weights);
  return categories.map((category, i) => ({ category, count: Number(parts[i]) })).filter((p) => p.count > 0);
}

type Row<T extends keyof Database> = Insertable<Database[T]>;

const EXTRA_PROGRAMS = [
  ['community-safety-fund', 'Community Safety Fund', 'Fonds pour la sécurité communautaire'],
  ['survivor-support-network', 'Survivor Support Network Program', 'Programme du réseau de soutien aux survivants'],
  ['online-harms-research', 'Online Harms Research Contributions', 'Contributions à la recherche sur les préjudices en ligne'],
  ['indigenous-prevention-initiative', 'Indigenous Prevention Initiative', 'Initiative autochtone de prévention'],
] as const;
const EXTRA_INDICATORS: [unit: 'count' | 'percent' | 'currency' | 'days' | 'yes_no', en: string, fr: string, dims: GbaDimension[]][] = [
  ['count', 'People reached by outreach', 'Personnes jointes par les activités d’approche', ['gender', 'age_group', 'indigenous_identity', 'urban_rural_remote']],
  ['count', 'Survivors receiving ongoing support', 'Survivants recevant un soutien continu', ['gender', 'age_group', 'two_slgbtqi_plus', 'disability']],
  ['count', 'Front-line workers trained', 'Intervenants de première ligne formés', ['official_language']],
  ['count', 'Referrals to partner services', 'Aiguillages vers des services partenaires', []],
  ['count', 'Community sessions held', 'Séances communautaires tenues', ['urban_rural_remote']],
  ['count', 'Youth completing the program', 'Jeunes ayant terminé le programme', ['gender', 'newcomer_or_migrant']],
  ['percent', 'Participants reporting greater safety', 'Participants se disant plus en sécurité', []],
  ['percent', 'Planned activities completed or under way', 'Activités prévues réalisées ou en cours', []],
  ['currency', 'Funds leveraged from other sources', 'Fonds obtenus d’autres sources', []],
  ['days', 'Days from referral to first contact', 'Jours entre l’aiguillage et le premier contact', []],
  ['yes_no', 'Survivor advisory committee in place', 'Comité consultatif de survivants en place', []],
  ['count', 'Resources distributed', 'Ressources distribuées', []],
];

/** New programs in the existing strategies, each with its pillars, outcomes and ready indicators. */
async function addPrograms(db: Db, random: Random, count: number): Promise<void> {
  const strategies = await db.selectFrom('strategy').select('id').orderBy('code').execute();
  for (const [n, [code, nameEn, nameFr]] of EXTRA_PROGRAMS.slice(0, count).entries()) {
    const strategyId = strategies[n % strategies.length]!.id;
    const program = await db.insertInto('program').values({ code, strategyId, nameEn, nameFr, transferPaymentType: 'contribution' }).returning('id').executeTakeFirstOrThrow();
    const pillars = await db.selectFrom('pillar').select('id').where('strategyId', '=', strategyId).orderBy('position').execute();
    await db.insertInto('programPillar').values(pillars.map((p) => ({ programId: program.id, pillarId: p.id }))).execute();
    for (const role of ['program_officer', 'program_manager'] as const) {
      await db.insertInto('programApprovalLimit').values({ programId: program.id, role, maxAmountCents: role === 'program_manager' ? 500_000_000n : 100_000_000n }).execute();
    }
    const outcome = await db
      .insertInto('logicModelResult')
      .values({ strategyId, programId: program.id, level: 'immediate', code: `${code}-outcome`, position: 100 + n, nameEn: `${nameEn}: people are safer and supported`, nameFr: `${nameFr} : les personnes sont plus en sécurité et soutenues` })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('indicator')
      .values(
        EXTRA_INDICATORS.map(([unit, en, fr, dims], i) => ({
          resultId: outcome.id,
          code: `${code}-${i + 1}`,
          nameEn: en,
          nameFr: fr,
          definitionEn: en,
          definitionFr: fr,
          unit,
          methodEn: 'Reported by recipients in their progress reports.',
          methodFr: 'Déclaré par les bénéficiaires dans leurs rapports d’étape.',
          sourceEn: 'Progress reports',
          sourceFr: 'Rapports d’étape',
          frequency: 'quarterly' as const,
          baselineValue: unit === 'percent' ? '50' : unit === 'yes_no' ? '0' : String(random.int(10, 500)),
          baselineYear: '2017-18',
          targetValue: unit === 'percent' ? '75' : unit === 'yes_no' ? '1' : String(random.int(500, 5000)),
          targetDate: '2028-03-31',
          gbaDimensions: dims,
        })),
      )
      .execute();
  }
}

async function insertBatches<T>(rows: T[], size: number, insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

interface ProgramPlan {
  id: string;
  extra: boolean;
  pillarIds: string[];
  indicators: { id: string; unit: string; gbaDimensions: GbaDimension[]; own: boolean }[];
  signerLimitCents: bigint;
}

export async function generateHistory(db: Db, options: HistoryOptions): Promise<HistorySummary> {
  const random = prng(options.seed ?? 2026);
  const years = options.years ?? 10;
  const organisationCount = Math.max(3, Math.round(2000 * options.scale));
  const agreementCount = Math.max(5, Math.round(10_000 * options.scale));
  const empty: HistorySummary = { organisations: 0, agreements: 0, reports: 0, indicatorValues: 0, journalEntries: 0, skipped: true };

  const already = await db.selectFrom('appUser').select('id').where('email', 'like', `%@${GENERATED_EMAIL_DOMAIN}`).limit(1).executeTakeFirst();
  if (already) return empty;

  const officer = await db.selectFrom('appUser').select('id').where('email', '=', 'officer@example.ca').executeTakeFirstOrThrow();
  const manager = await db.selectFrom('appUser').select('id').where('email', '=', 'manager@example.ca').executeTakeFirstOrThrow();

  if (options.extraPrograms) await addPrograms(db, random, options.extraPrograms);

  // The programs, their pillars and the ready indicators of their strategy's framework.
  const programs = await db.selectFrom('program').select(['id', 'code', 'strategyId']).where('strategyId', 'is not', null).orderBy('code').execute();
  const plans: ProgramPlan[] = [];
  for (const p of programs) {
    const pillars = await db.selectFrom('programPillar').select('pillarId').where('programId', '=', p.id).orderBy('pillarId').execute();
    const indicators = await db
      .selectFrom('indicator')
      .innerJoin('logicModelResult', 'logicModelResult.id', 'indicator.resultId')
      .select(['indicator.id', 'indicator.unit', 'indicator.gbaDimensions', 'logicModelResult.programId'])
      .where('logicModelResult.strategyId', '=', p.strategyId!)
      .where('indicator.isReady', '=', true)
      .where((eb) => eb.or([eb('logicModelResult.programId', 'is', null), eb('logicModelResult.programId', '=', p.id)]))
      .orderBy('indicator.code')
      .execute();
    const limit = await db.selectFrom('programApprovalLimit').select('maxAmountCents').where('programId', '=', p.id).where('role', '=', 'program_manager').executeTakeFirst();
    if (pillars.length === 0 || indicators.length === 0) continue;
    plans.push({
      id: p.id,
      extra: EXTRA_PROGRAMS.some(([code]) => code === p.code),
      pillarIds: pillars.map((x) => x.pillarId),
      indicators: indicators.map((i) => ({ id: i.id, unit: i.unit ?? 'count', gbaDimensions: i.gbaDimensions, own: i.programId === p.id })),
      signerLimitCents: BigInt(limit?.maxAmountCents ?? 500_000_000n),
    });
  }
  if (plans.length === 0) throw new Error('generateHistory: no program with pillars and ready indicators (seed the reference data first)');

  const todayFy = fiscalYearOf(options.today);
  const fiscalYearRows = await db.selectFrom('fiscalYear').select(['label', 'endDate']).orderBy('endDate').execute();
  const knownFiscalYears = new Set(fiscalYearRows.map((f) => f.label));
  const lastKnownDay = String(fiscalYearRows.at(-1)!.endDate).slice(0, 10);
  const firstStartYear = todayFy.startYear - (years - 1);

  // Organisations, each with one recipient who signed and filed (invited: no password here).
  const organisations: { id: string; type: OrganisationType; userId: string; language: 'en' | 'fr' }[] = [];
  const orgRows: Row<'organisation'>[] = [];
  const userRows: Row<'appUser'>[] = [];
  const memberRows: Row<'membership'>[] = [];
  for (let i = 0; i < organisationCount; i++) {
    const type = weighted(random, TYPE_WEIGHTS);
    const province = weighted(random, Object.entries(PROVINCE_WEIGHTS)) as ProvinceOrTerritory;
    const words = [random.int(0, 9), random.int(0, 9), random.int(0, 9)] as const;
    const language = province === 'QC' || random.chance(0.08) ? 'fr' : 'en';
    const id = randomUUID();
    const userId = randomUUID();
    orgRows.push({
      id,
      legalNameEn: `${ORGANISATION_WORDS[0][words[0]]} ${ORGANISATION_WORDS[1][words[1]]} ${ORGANISATION_WORDS[2][words[2]]} ${i + 1}`,
      legalNameFr: `${ORGANISATION_WORDS_FR[2][words[2]]} ${ORGANISATION_WORDS_FR[1][words[1]]} ${ORGANISATION_WORDS_FR[0][words[0]]} ${i + 1}`,
      type,
      provinceOrTerritory: province,
      isIndigenousLed: type === 'indigenous_organisation' || random.chance(0.04),
      isSurvivorLed: type === 'non_profit' && random.chance(0.12),
      officialLanguage: language,
      verifiedAt: instant(`${firstStartYear}-04-01`),
      verifiedBy: officer.id,
    });
    userRows.push({ id: userId, email: `recipient-${i + 1}@${GENERATED_EMAIL_DOMAIN}`, displayName: `Recipient ${i + 1}`, preferredLanguage: language, status: 'invited' as const });
    memberRows.push({ userId, role: 'recipient' as const, organisationId: id, isOrganisationAdmin: true });
    organisations.push({ id, type, userId, language });
  }
  await db.transaction().execute(async (tx) => {
    await insertBatches(orgRows, 1000, (c) => tx.insertInto('organisation').values(c).execute());
    await insertBatches(userRows, 1000, (c) => tx.insertInto('appUser').values(c).execute());
    await insertBatches(memberRows, 1000, (c) => tx.insertInto('membership').values(c).execute());
  });

  const summary: HistorySummary = { organisations: organisations.length, agreements: 0, reports: 0, indicatorValues: 0, journalEntries: 0, skipped: false };
  const commitments = new Map<string, bigint>(); // program|pillar|fy → committed
  const batchSize = 250;
  for (let start = 0; start < agreementCount; start += batchSize) {
    const n = Math.min(batchSize, agreementCount - start);
    const written = await generateAgreements(db, random, n, { plans, organisations, officerId: officer.id, managerId: manager.id, firstStartYear, years, today: options.today, commitments, knownFiscalYears, lastKnownDay });
    summary.agreements += written.agreements;
    summary.reports += written.reports;
    summary.indicatorValues += written.indicatorValues;
    summary.journalEntries += written.journalEntries;
    options.onBatch?.(start + n, agreementCount);
  }

  // Planned spending: the program's budget per pillar and year, near what was committed.
  const budgetRows = [...commitments].map(([key, committed]) => {
    const [programId, pillarId, fiscalYearLabel] = key.split('|') as [string, string, string];
    const planned = ((committed * BigInt(random.int(95, 115))) / 100n / 100_000n) * 100_000n;
    return { programId, pillarId, fiscalYear: fiscalYearLabel, amountCents: planned };
  });
  await insertBatches(budgetRows, 1000, (c) =>
    db.insertInto('programBudget').values(c).onConflict((oc) => oc.columns(['programId', 'fiscalYear', 'pillarId']).doNothing()).execute(),
  );
  // Fresh statistics, so the planner knows the tables just grew.
  await sql`analyze`.execute(db);
  return summary;
}

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

async function generateAgreements(db: Db, random: Random, count: number, ctx: BatchContext) {
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
      title: random.pick(PROJECT_TITLES),
      description: 'Generated history.',
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
