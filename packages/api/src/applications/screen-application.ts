/**
 * Assessment, first step: an officer screens a submitted application for eligibility, against the
 * call's criteria, and it goes on to review or is found ineligible. One transaction, audited.
 */
import { inTransaction, recordAudit, type Db } from '@tp/db';
import { type ScreeningInput } from '@tp/domain';
import type { RequestMeta } from '../context';
import { lockApplication, moveApplication } from './access';
import { type Viewer } from '../auth/resolve-session';

export async function screenApplication(db: Db, user: Viewer, meta: RequestMeta, input: ScreeningInput): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, input.applicationId, 'applicationId');
    const to = input.eligible ? 'screened_in' : 'screened_out';
    await moveApplication(tx, user, meta, app, to);
    await tx
      .insertInto('applicationScreening')
      .values({ applicationId: app.id, checklist: JSON.stringify(input.checklist), eligible: input.eligible, reason: input.reason, screenedBy: user.id })
      .execute();
    await recordAudit(tx, { actorUserId: user.id, entityType: 'application_screening', entityId: app.id, action: 'screen', after: input, requestId: meta.requestId });
  });
}
