/**
 * What the call commands share: who acts (Actor), the checks of a call's references and of its
 * indicators' readiness, the call's row and its parts (criteria, indicators, documents) as written,
 * and the call row lock.
 */
import { type Tx } from '@tp/db';
import { type CallInput, DomainError, missingForReadiness } from '@tp/domain';
import { translate } from '@tp/i18n';

export interface Actor {
  id: string;
}

export async function checkReferences(tx: Tx, input: CallInput): Promise<void> {
  const program = await tx.selectFrom('program').select(['id', 'strategyId']).where('id', '=', input.programId).executeTakeFirst();
  if (!program) throw new DomainError('BAD_INPUT', 'error.program.required', 'programId');
  if (input.streamId) {
    const stream = await tx.selectFrom('fundingStream').select('programId').where('id', '=', input.streamId).executeTakeFirst();
    if (stream?.programId !== program.id) throw new DomainError('BAD_INPUT', 'error.stream.notInProgram', 'streamId');
  }
  const pillars = await tx.selectFrom('pillar').select('id').where('id', 'in', input.pillarIds).where('strategyId', '=', program.strategyId).execute();
  if (pillars.length !== new Set(input.pillarIds).size) throw new DomainError('BAD_INPUT', 'error.pillars.notInStrategy', 'pillarIds');
  const years = await tx.selectFrom('fiscalYear').select('label').where('label', 'in', [input.firstFiscalYear, input.lastFiscalYear]).execute();
  for (const field of ['firstFiscalYear', 'lastFiscalYear'] as const) {
    if (!years.some((y) => y.label === input[field])) throw new DomainError('BAD_INPUT', 'error.fiscalYears.unknown', field);
  }
  const indicators = await tx.selectFrom('indicator').select('id').where('id', 'in', input.indicatorIds).execute();
  if (indicators.length !== new Set(input.indicatorIds).size) throw new DomainError('BAD_INPUT', 'error.indicator.unknown', 'indicatorIds');
}

/** A call's indicators that are not ready, with what each lacks. */
export async function assertIndicatorsReady(tx: Tx, indicatorIds: string[]): Promise<void> {
  if (indicatorIds.length === 0) return;
  const rows = await tx.selectFrom('indicator').selectAll().where('id', 'in', indicatorIds).orderBy('code').execute();
  for (const row of rows) {
    const missing = missingForReadiness(row);
    if (missing.length > 0) {
      const list = (lang: 'en' | 'fr') => missing.map((m) => translate(lang, `readiness.${m}`)).join(', ');
      throw new DomainError('BAD_INPUT', 'error.indicator.notReady', 'indicatorIds', {
        indicator: { en: row.nameEn, fr: row.nameFr },
        missing: { en: list('en'), fr: list('fr') },
      });
    }
  }
}

export function callRow(input: CallInput) {
  return {
    programId: input.programId,
    streamId: input.streamId,
    titleEn: input.titleEn,
    titleFr: input.titleFr,
    descriptionEn: input.descriptionEn,
    descriptionFr: input.descriptionFr,
    eligibleRecipientTypes: input.eligibleRecipientTypes,
    eligibleProvinces: input.eligibleProvinces,
    priorities: input.priorities,
    minAmountCents: input.minAmountCents,
    maxAmountCents: input.maxAmountCents,
    maxDurationMonths: input.maxDurationMonths,
    firstFiscalYear: input.firstFiscalYear,
    lastFiscalYear: input.lastFiscalYear,
    opensAt: input.opensAt,
    closesAt: input.closesAt,
  };
}

export async function writeParts(tx: Tx, callId: string, input: CallInput): Promise<void> {
  await tx.deleteFrom('callPillar').where('callId', '=', callId).execute();
  await tx.deleteFrom('callIndicator').where('callId', '=', callId).execute();
  await tx.deleteFrom('callEligibilityQuestion').where('callId', '=', callId).execute();
  await tx.deleteFrom('callCriterion').where('callId', '=', callId).execute();
  await tx.insertInto('callPillar').values([...new Set(input.pillarIds)].map((pillarId) => ({ callId, pillarId }))).execute();
  await tx.insertInto('callIndicator').values([...new Set(input.indicatorIds)].map((indicatorId) => ({ callId, indicatorId }))).execute();
  if (input.eligibilityQuestions.length > 0) {
    await tx
      .insertInto('callEligibilityQuestion')
      .values(input.eligibilityQuestions.map((q, i) => ({ callId, position: i + 1, ...q })))
      .execute();
  }
  await tx.insertInto('callCriterion').values(input.criteria.map((c, i) => ({ callId, position: i + 1, ...c }))).execute();
}

export async function lockCall(tx: Tx, id: string) {
  const call = await tx.selectFrom('callForProposals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!call) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  return call;
}
