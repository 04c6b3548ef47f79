/**
 * The positions a person holds on a day (packages/domain positionsHeld): those of their roles and
 * those of their approved appointments in force. The database's copy is holds_position.
 */
import { type Db, type Tx } from '@tp/db';
import { appointmentNotEnded, DELEGATED_ROLES, delegatedAuthority, positionsHeld, routedPosition, type Appointment, type DelegationPosition, type IsoDate, type Role } from '@tp/domain';

type Reader = Db | Tx;

export async function approvedAppointments(db: Reader, userId: string): Promise<Appointment[]> {
  return db.selectFrom('positionAppointment').select(['position', 'startsOn', 'endsOn']).where('userId', '=', userId).where('status', '=', 'approved').execute();
}

export async function positionsOf(db: Reader, user: { id: string; roles: readonly Role[] }, on: IsoDate): Promise<DelegationPosition[]> {
  return positionsHeld(user.roles, await approvedAppointments(db, user.id), on);
}

/** Holds an appointment that has not ended by `on` (so the instrument limits them: they cannot change it). */
export async function holdsAppointment(db: Reader, userId: string, on: IsoDate): Promise<boolean> {
  return (await approvedAppointments(db, userId)).some((a) => appointmentNotEnded(a, on));
}

export interface PositionHolder {
  id: string;
  displayName: string;
  email: string;
  preferredLanguage: 'en' | 'fr';
  position: DelegationPosition;
}

/** The active people who hold these positions on `on`: by their role (officer, manager) or by an approved appointment in force. */
export async function holdersOf(db: Reader, positions: readonly DelegationPosition[], on: IsoDate): Promise<PositionHolder[]> {
  const roles = DELEGATED_ROLES.filter((r) => positions.includes(r));
  const [byRole, byAppointment] = await Promise.all([
    roles.length === 0
      ? []
      : db
          .selectFrom('membership as m')
          .innerJoin('appUser as u', 'u.id', 'm.userId')
          .select(['u.id', 'u.displayName', 'u.email', 'u.preferredLanguage', 'm.role as position'])
          .where('m.role', 'in', roles)
          .where('u.status', '=', 'active')
          .execute(),
    positions.length === 0
      ? []
      : db
          .selectFrom('positionAppointment as a')
          .innerJoin('appUser as u', 'u.id', 'a.userId')
          .select(['u.id', 'u.displayName', 'u.email', 'u.preferredLanguage', 'a.position'])
          .where('a.position', 'in', positions)
          .where('a.status', '=', 'approved')
          .where('a.startsOn', '<=', on)
          .where((eb) => eb.or([eb('a.endsOn', 'is', null), eb('a.endsOn', '>=', on)]))
          .where('u.status', '=', 'active')
          .execute(),
  ]);
  return [...byRole, ...byAppointment].map((h) => ({ ...h, position: h.position as DelegationPosition }));
}

export interface ProgramAuthority {
  holder: Omit<PositionHolder, 'position'>;
  role: DelegationPosition;
  maxAmountCents: bigint;
}

/**
 * Everyone's delegated authority in one program today: of the positions each active person holds,
 * the one with the highest limit there (delegatedAuthority), the position they act under. A
 * deputy head who is also a program manager by role acts as deputy head.
 */
export async function authoritiesIn(db: Reader, limits: readonly { role: DelegationPosition; maxAmountCents: bigint }[], on: IsoDate): Promise<ProgramAuthority[]> {
  const byPerson = new Map<string, { holder: Omit<PositionHolder, 'position'>; positions: DelegationPosition[] }>();
  for (const { position, ...holder } of await holdersOf(db, limits.map((l) => l.role), on)) {
    const seen = byPerson.get(holder.id) ?? { holder, positions: [] };
    seen.positions.push(position);
    byPerson.set(holder.id, seen);
  }
  return [...byPerson.values()].flatMap(({ holder, positions }) => {
    const authority = delegatedAuthority(positions, limits);
    return authority ? [{ holder, ...authority }] : [];
  });
}

/** Where an amount goes in a program today: the lowest position whose limit covers it among those someone acts under (never a vacant one). */
export function routeAmong(amountCents: bigint, limits: readonly { role: DelegationPosition; maxAmountCents: bigint }[], authorities: readonly ProgramAuthority[]): DelegationPosition | null {
  const actedUnder = new Set(authorities.map((a) => a.role));
  return routedPosition(amountCents, limits.filter((l) => actedUnder.has(l.role)));
}
