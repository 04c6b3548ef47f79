/**
 * A recipient withdraws an application that is not yet decided.
 */
import { inTransaction, type Db } from '@tp/db';
import { DomainError } from '@tp/domain';
import type { RequestMeta } from '../context';
import { type Viewer } from '../auth/resolve-session';
import { lockApplication, moveApplication } from './access';

export async function withdrawApplication(db: Db, user: Viewer, meta: RequestMeta, id: string): Promise<void> {
  await inTransaction(db, async ({ tx }) => {
    const app = await lockApplication(tx, id);
    if (!user.organisationIds.includes(app.organisationId)) throw new DomainError('NOT_FOUND', 'error.notFound', 'id');
    await moveApplication(tx, user, meta, app, 'withdrawn', { withdrawnAt: new Date() });
  });
}
