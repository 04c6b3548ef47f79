/**
 * Routing above a limit: when an amount is above the caller's delegated authority, the refusal
 * names who can act on it: the active people whose authority in this program today (the
 * position they act under, held by role or by an appointment in force) covers it, not the
 * caller, lowest position first, or, when nobody's does, the administrators who can change the delegation of
 * authority. Said in both languages, as every refusal's parameters are.
 */
import { type Db, type Tx } from '@tp/db';
import { ADMINISTRATORS, DELEGATED_ROLES, DELEGATION_POSITIONS, formatMoney, isoDateIn } from '@tp/domain';
import { authoritiesIn } from './positions';
import { translate } from '@tp/i18n';

export async function whoCanAct(db: Db | Tx, programId: string, amountCents: bigint, callerId: string): Promise<{ en: string; fr: string }> {
  const today = isoDateIn(new Date(), 'America/Toronto');
  const limits = await db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).execute();
  // Each person under the position they act under in this program, lowest first.
  const ordered = (await authoritiesIn(db, limits, today))
    .filter((a) => a.maxAmountCents >= amountCents && a.holder.id !== callerId)
    .sort((a, b) => DELEGATION_POSITIONS.indexOf(a.role) - DELEGATION_POSITIONS.indexOf(b.role) || a.holder.displayName.localeCompare(b.holder.displayName))
    .map((a) => ({ displayName: a.holder.displayName, position: a.role, limit: a.maxAmountCents }));
  if (ordered.length > 0) {
    const list = (lang: 'en' | 'fr') =>
      ordered.map((h) => translate(lang, 'delegation.holder', { name: h.displayName, role: translate(lang, `position.${h.position}`), limit: formatMoney(h.limit, lang) })).join('; ');
    return { en: translate('en', 'delegation.whoCan', { list: list('en') }), fr: translate('fr', 'delegation.whoCan', { list: list('fr') }) };
  }
  const admins = await db
    .selectFrom('appUser as u')
    .innerJoin('membership as m', 'm.userId', 'u.id')
    .select('u.displayName')
    .where('m.role', 'in', ADMINISTRATORS)
    .where('u.status', '=', 'active')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('membership as d').select('d.userId').whereRef('d.userId', '=', 'u.id').where('d.role', 'in', DELEGATED_ROLES))))
    .orderBy('u.displayName')
    .execute();
  const names = admins.map((a) => a.displayName).join(', ');
  return { en: translate('en', 'delegation.nobodyCan', { names }), fr: translate('fr', 'delegation.nobodyCan', { names }) };
}
