/**
 * An officer drafts an agreement from an approved application: its first version, with the terms
 * checked against the program's limits.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { agreementReference, agreementTemplateFor, type CreateAgreementInput, DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { checkTermsAgainstProgram, termsColumns, writeTermsParts } from './terms';

export async function createAgreement(db: Db, user: Viewer, meta: RequestMeta, input: CreateAgreementInput): Promise<{ id: string; referenceNumber: string }> {
  return inTransaction(db, async ({ tx }) => {
    const org = await tx.selectFrom('organisation').select(['id', 'type']).where('id', '=', input.organisationId).executeTakeFirst();
    if (!org) throw new DomainError('BAD_INPUT', 'error.notFound', 'organisationId');
    if (input.applicationId) {
      const app = await tx
        .selectFrom('application')
        .innerJoin('callForProposals as call', 'call.id', 'application.callId')
        .select(['application.id', 'application.status', 'application.organisationId', 'call.programId'])
        .where('application.id', '=', input.applicationId)
        .forUpdate(['application'])
        .executeTakeFirst();
      if (!app) throw new DomainError('BAD_INPUT', 'error.notFound', 'applicationId');
      if (app.status !== 'approved' && app.status !== 'approved_with_changes') throw new DomainError('CONFLICT', 'error.agreement.applicationNotApproved', 'applicationId');
      if (app.organisationId !== input.organisationId || app.programId !== input.programId) throw new DomainError('BAD_INPUT', 'error.agreement.applicationMismatch', 'applicationId');
      const existing = await tx.selectFrom('agreement').select('id').where('applicationId', '=', app.id).executeTakeFirst();
      if (existing) throw new DomainError('CONFLICT', 'error.agreement.applicationHasAgreement', 'applicationId');
    }
    await checkTermsAgainstProgram(tx, input.programId, input.terms);
    const { n } = await tx.selectNoFrom((eb) => eb.fn<string>('nextval', [eb.val('agreement_reference_seq')]).as('n')).executeTakeFirstOrThrow();
    const referenceNumber = agreementReference(new Date().getUTCFullYear(), BigInt(n));
    const agreement = await tx
      .insertInto('agreement')
      .values({
        referenceNumber,
        programId: input.programId,
        organisationId: input.organisationId,
        applicationId: input.applicationId,
        template: agreementTemplateFor(org.type),
        createdBy: user.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const version = await tx
      .insertInto('agreementVersion')
      .values({ agreementId: agreement.id, version: 1, status: 'draft', createdBy: user.id, ...termsColumns(input.terms) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeTermsParts(tx, version.id, input.terms);
    await recordAudit(tx, { actorUserId: user.id, entityType: 'agreement', entityId: agreement.id, action: 'create', after: { referenceNumber, ...input }, requestId: meta.requestId });
    return { id: agreement.id, referenceNumber };
  });
}
