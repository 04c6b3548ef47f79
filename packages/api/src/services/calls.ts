/**
 * Calls for proposals: drafting, publishing (only with ready indicators and weights summing to
 * 100), correcting a published call's description, closing and cancelling. Every change is one
 * transaction with its audit record; the database refuses rule changes to a published call too.
 */
import { inTransaction, recordAudit, type Db, type Tx } from '@tp/db';
import {
  type CallInput,
  type CallStatus,
  callLifecycle,
  DomainError,
  isCallOpen,
  missingForReadiness,
  publicationRefusal,
} from '@tp/domain';
import { translate } from '@tp/i18n';
import type { RequestMeta } from '../context';

export interface Actor {
  id: string;
}

async function checkReferences(tx: Tx, input: CallInput): Promise<void> {
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
async function assertIndicatorsReady(tx: Tx, indicatorIds: string[]): Promise<void> {
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

function callRow(input: CallInput) {
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

async function writeParts(tx: Tx, callId: string, input: CallInput): Promise<void> {
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

export async function createCall(db: Db, actor: Actor, meta: RequestMeta, input: CallInput): Promise<{ id: string }> {
  return inTransaction(db, async ({ tx }) => {
    await checkReferences(tx, input);
    await assertIndicatorsReady(tx, input.indicatorIds);
    const call = await tx
      .insertInto('callForProposals')
      .values({ ...callRow(input), createdBy: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeParts(tx, call.id, input);
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'call_for_proposals', entityId: call.id, action: 'create', after: input, requestId: meta.requestId });
    return call;
  });
}

async function lockCall(tx: Tx, id: string) {
  const call = await tx.selectFrom('callForProposals').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!call) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
  return call;
}

export async function updateDraftCall(db: Db, actor: Actor, meta: RequestMeta, id: string, input: CallInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const before = await lockCall(tx, id);
    if (before.status !== 'draft') throw new DomainError('CONFLICT', 'error.call.notDraft', 'id');
    await checkReferences(tx, input);
    await assertIndicatorsReady(tx, input.indicatorIds);
    await tx.updateTable('callForProposals').set({ ...callRow(input), updatedAt: new Date() }).where('id', '=', id).execute();
    await writeParts(tx, id, input);
    await recordAudit(tx, { actorUserId: actor.id, entityType: 'call_for_proposals', entityId: id, action: 'update', before, after: input, requestId: meta.requestId });
  });
}

export async function correctCallDescription(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  input: { id: string; descriptionEn: string; descriptionFr: string },
): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const before = await lockCall(tx, input.id);
    await tx
      .updateTable('callForProposals')
      .set({ descriptionEn: input.descriptionEn, descriptionFr: input.descriptionFr, updatedAt: new Date() })
      .where('id', '=', input.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'call_for_proposals',
      entityId: input.id,
      action: 'correct_description',
      before: { descriptionEn: before.descriptionEn, descriptionFr: before.descriptionFr },
      after: { descriptionEn: input.descriptionEn, descriptionFr: input.descriptionFr },
      requestId: meta.requestId,
    });
  });
}

export async function moveCall(db: Db, actor: Actor, meta: RequestMeta, id: string, to: CallStatus): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const call = await lockCall(tx, id);
    if (!callLifecycle.can(call.status, to)) {
      throw new DomainError('CONFLICT', 'error.call.transition', 'status', { from: call.status, to });
    }
    if (to === 'published') {
      const indicators = await tx.selectFrom('callIndicator').select('indicatorId').where('callId', '=', id).execute();
      const criteria = await tx.selectFrom('callCriterion').select('weight').where('callId', '=', id).execute();
      const refusal = publicationRefusal({ weights: criteria.map((c) => c.weight), indicators: indicators.length });
      if (refusal) throw new DomainError('BAD_INPUT', refusal, refusal === 'error.weights.sum' ? 'criteria' : 'indicatorIds');
      await assertIndicatorsReady(tx, indicators.map((i) => i.indicatorId));
    }
    await tx
      .updateTable('callForProposals')
      .set({ status: to, updatedAt: new Date(), ...(to === 'published' ? { publishedAt: new Date() } : {}) })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      entityType: 'call_for_proposals',
      entityId: id,
      action: to === 'published' ? 'publish' : to === 'closed' ? 'close' : 'cancel',
      before: { status: call.status },
      after: { status: to },
      requestId: meta.requestId,
    });
  });
}

/** A call as people see it: with its parts, and whether it takes submissions now. */
export async function getCall(db: Db, id: string, now = new Date()) {
  const call = await db.selectFrom('callForProposals').selectAll().where('id', '=', id).executeTakeFirst();
  if (!call) return null;
  const [pillars, indicators, questions, criteria, program] = await Promise.all([
    db.selectFrom('callPillar').innerJoin('pillar', 'pillar.id', 'callPillar.pillarId').select(['pillar.id', 'pillar.code', 'pillar.position', 'pillar.nameEn', 'pillar.nameFr']).where('callId', '=', id).orderBy('pillar.position').execute(),
    db.selectFrom('callIndicator').innerJoin('indicator', 'indicator.id', 'callIndicator.indicatorId').select(['indicator.id', 'indicator.code', 'indicator.nameEn', 'indicator.nameFr', 'indicator.unit', 'indicator.targetValue', 'indicator.gbaDimensions']).where('callId', '=', id).orderBy('indicator.code').execute(),
    db.selectFrom('callEligibilityQuestion').select(['id', 'position', 'textEn', 'textFr', 'expectedAnswer']).where('callId', '=', id).orderBy('position').execute(),
    db.selectFrom('callCriterion').select(['id', 'position', 'nameEn', 'nameFr', 'weight']).where('callId', '=', id).orderBy('position').execute(),
    db.selectFrom('program').select(['id', 'code', 'nameEn', 'nameFr']).where('id', '=', call.programId).executeTakeFirstOrThrow(),
  ]);
  return { ...call, program, pillars, indicators, eligibilityQuestions: questions, criteria, isOpen: isCallOpen(call, now) };
}
