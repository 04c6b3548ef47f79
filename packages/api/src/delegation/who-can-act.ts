/**
 * Routing above a limit: when an amount is above the caller's delegated authority, the refusal
 * names who can act on it: the active people whose role's limit in this program covers it (not
 * the caller), or, when nobody's does, the administrators who can change the delegation of
 * authority. Said in both languages, as every refusal's parameters are.
 */
import { type Db, type Tx } from '@tp/db';
import { ADMINISTRATORS, DELEGATED_ROLES, formatMoney } from '@tp/domain';
import { translate } from '@tp/i18n';

export async function whoCanAct(db: Db | Tx, programId: string, amountCents: bigint, callerId: string): Promise<{ en: string; fr: string }> {
  const holders = await db
    .selectFrom('programApprovalLimit as l')
    .innerJoin('membership as m', 'm.role', 'l.role')
    .innerJoin('appUser as u', 'u.id', 'm.userId')
    .select(['u.id', 'u.displayName', 'l.role', 'l.maxAmountCents'])
    .where('l.programId', '=', programId)
    .where('l.role', 'in', DELEGATED_ROLES)
    .where('l.maxAmountCents', '>=', amountCents)
    .where('u.status', '=', 'active')
    .where('u.id', '<>', callerId)
    .orderBy('l.maxAmountCents')
    .orderBy('u.displayName')
    .execute();
  if (holders.length > 0) {
    const list = (lang: 'en' | 'fr') =>
      holders.map((h) => translate(lang, 'delegation.holder', { name: h.displayName, role: translate(lang, `role.${h.role}`), limit: formatMoney(h.maxAmountCents, lang) })).join('; ');
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
