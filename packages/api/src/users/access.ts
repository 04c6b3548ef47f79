/**
 * What the account commands share: who acts, memberships checked against existing organisations and
 * without repeats, and the lock of another user's account (never one's own).
 */
import { type Tx } from '@tp/db';
import { DomainError, type MembershipInput } from '@tp/domain';

export interface Actor {
  id: string;
  displayName: string;
}

export async function assertOrganisationsExist(tx: Tx, memberships: MembershipInput[]): Promise<void> {
  const ids = [...new Set(memberships.flatMap((m) => (m.organisationId ? [m.organisationId] : [])))];
  if (ids.length === 0) return;
  const found = new Set((await tx.selectFrom('organisation').select('id').where('id', 'in', ids).execute()).map((o) => o.id));
  const missing = memberships.findIndex((m) => m.organisationId !== null && !found.has(m.organisationId));
  if (missing >= 0) {
    throw new DomainError('BAD_INPUT', 'error.membership.unknownOrganisation', `memberships.${missing}.organisationId`);
  }
}

export function dedupe(memberships: MembershipInput[]): MembershipInput[] {
  const seen = new Map<string, MembershipInput>();
  for (const m of memberships) seen.set(`${m.role}/${m.organisationId ?? ''}`, m);
  return [...seen.values()];
}

export async function lockOtherUser(tx: Tx, actor: Actor, userId: string) {
  if (userId === actor.id) throw new DomainError('FORBIDDEN', 'error.user.self', 'userId');
  const user = await tx
    .selectFrom('appUser')
    .select(['id', 'status'])
    .where('id', '=', userId)
    .forUpdate()
    .executeTakeFirst();
  if (!user) throw new DomainError('NOT_FOUND', 'error.user.notFound', 'userId');
  return user;
}
