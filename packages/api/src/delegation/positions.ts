/**
 * The positions a person holds on a day (packages/domain positionsHeld): those of their roles and
 * those of their approved appointments in force. The database's copy is holds_position.
 */
import { type Db, type Tx } from '@tp/db';
import { appointmentNotEnded, positionsHeld, type Appointment, type DelegationPosition, type IsoDate, type Role } from '@tp/domain';

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
