/**
 * Reading a call for proposals, with whether it is open now.
 */
import { type Db } from '@tp/db';
import { isCallOpen } from '@tp/domain';

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
