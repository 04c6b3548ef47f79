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
import type { Db } from '@tp/db';
import { type ProvinceOrTerritory, fiscalYearOf, type IsoDate, type OrganisationType } from '@tp/domain';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { insertBatches, instant, prng, type ProgramPlan, type Row, weighted } from './history-kit';
import { addPrograms, EXTRA_PROGRAMS } from './history-programs';
import { generateAgreements } from './history-agreements';

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

/** Each generated organisation's city and postal code, by its province (the capital; no draw, so the history's other figures are unchanged). */
const PLACE_OF: Record<ProvinceOrTerritory, { city: string; postalCode: string }> = {
  ON: { city: 'Toronto', postalCode: 'M5H 2N2' },
  QC: { city: 'Québec', postalCode: 'G1R 4S9' },
  BC: { city: 'Victoria', postalCode: 'V8W 1P6' },
  AB: { city: 'Edmonton', postalCode: 'T5J 2R7' },
  MB: { city: 'Winnipeg', postalCode: 'R3C 4T3' },
  SK: { city: 'Regina', postalCode: 'S4P 3C8' },
  NS: { city: 'Halifax', postalCode: 'B3J 3A5' },
  NB: { city: 'Fredericton', postalCode: 'E3B 1E1' },
  NL: { city: 'St. John’s', postalCode: 'A1C 5M2' },
  PE: { city: 'Charlottetown', postalCode: 'C1A 7N8' },
  NT: { city: 'Yellowknife', postalCode: 'X1A 2L9' },
  NU: { city: 'Iqaluit', postalCode: 'X0A 0H0' },
  YT: { city: 'Whitehorse', postalCode: 'Y1A 2C6' },
};

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
      ...PLACE_OF[province],
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
