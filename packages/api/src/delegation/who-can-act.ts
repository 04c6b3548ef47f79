/**
 * Routing above a limit: when an amount is above the caller's delegated authority, the refusal
 * names who can act on it: the active people who hold, by role or by an appointment in force
 * today, a position whose limit in this program covers it (not the caller), lowest position
 * first, or, when nobody's does, the administrators who can change the delegation of
 * authority. Said in both languages, as every refusal's parameters are.
 */
import { type Db, type Tx } from '@tp/db';
import { ADMINISTRATORS, DELEGATED_ROLES, DELEGATION_POSITIONS, formatMoney, isoDateIn, type DelegationPosition } from '@tp/domain';
import { translate } from '@tp/i18n';

export async function whoCanAct(db: Db | Tx, programId: string, amountCents: bigint, callerId: string): Promise<{ en: string; fr: string }> {
  const today = isoDateIn(new Date(), 'America/Toronto');
  const limits = await db.selectFrom('programApprovalLimit').select(['role', 'maxAmountCents']).where('programId', '=', programId).where('maxAmountCents', '>=', amountCents).execute();
  const covering = limits.map((l) => l.role);
  const coveringRoles = DELEGATED_ROLES.filter((r) => covering.includes(r));
  const [byRole, byAppointment] = await Promise.all([
    coveringRoles.length === 0 ? [] : db
      .selectFrom('membership as m')
      .innerJoin('appUser as u', 'u.id', 'm.userId')
      .select(['u.id', 'u.displayName', 'm.role as position'])
      .where('m.role', 'in', coveringRoles)
      .where('u.status', '=', 'active')
      .execute(),
    covering.length === 0 ? [] : db
      .selectFrom('positionAppointment as a')
      .innerJoin('appUser as u', 'u.id', 'a.userId')
      .select(['u.id', 'u.displayName', 'a.position'])
      .where('a.position', 'in', covering)
      .where('a.status', '=', 'approved')
      .where('a.startsOn', '<=', today)
      .where((eb) => eb.or([eb('a.endsOn', 'is', null), eb('a.endsOn', '>=', today)]))
      .where('u.status', '=', 'active')
      .execute(),
  ]);
  const limitOf = new Map(limits.map((l) => [l.role as string, l.maxAmountCents]));
  // Each person once, under the lowest position that covers the amount: the one the act would go to.
  const holders = new Map<string, { displayName: string; position: DelegationPosition; limit: bigint }>();
  for (const h of [...byRole, ...byAppointment]) {
    if (h.id === callerId) continue;
    const position = h.position as DelegationPosition;
    const seen = holders.get(h.id);
    if (!seen || DELEGATION_POSITIONS.indexOf(position) < DELEGATION_POSITIONS.indexOf(seen.position)) holders.set(h.id, { displayName: h.displayName, position, limit: limitOf.get(position)! });
  }
  const ordered = [...holders.values()].sort((a, b) => DELEGATION_POSITIONS.indexOf(a.position) - DELEGATION_POSITIONS.indexOf(b.position) || a.displayName.localeCompare(b.displayName));
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
