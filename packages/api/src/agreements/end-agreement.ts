/**
 * An agreement in force is closed or terminated.
 */
import { inTransaction, type Db } from '@tp/db';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { assertStatus, lockAgreement, moveAgreement } from './access';

export async function endAgreement(db: Db, user: Viewer, meta: RequestMeta, input: { agreementId: string; outcome: 'closed' | 'terminated'; reason: string }): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const a = await lockAgreement(tx, input.agreementId);
    assertStatus(a, 'active');
    await moveAgreement(tx, user, meta, a, input.outcome, { endedAt: new Date(), endedBy: user.id, endReason: input.reason });
  });
}
