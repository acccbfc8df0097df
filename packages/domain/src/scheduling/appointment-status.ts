/**
 * The patient-flow state machine:
 *   scheduled → confirmed → arrived → roomed → with_provider → checked_out
 * plus cancelled and no_show (and rescheduled, written only by reschedule). A late
 * patient marked no_show may still arrive. Anything else is ILLEGAL_TRANSITION.
 */
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { isExclusionViolation } from './insert-appointment.ts';
import type { AppointmentStatus, AppointmentsTable } from './scheduling.tables.ts';
import type { Selectable, Updateable } from 'kysely';
import { sql } from 'kysely';

export const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  scheduled: ['confirmed', 'arrived', 'cancelled', 'no_show', 'rescheduled'],
  confirmed: ['arrived', 'cancelled', 'no_show', 'rescheduled'],
  arrived: ['roomed', 'with_provider', 'cancelled'],
  roomed: ['with_provider'],
  with_provider: ['checked_out'],
  checked_out: [],
  cancelled: [],
  no_show: ['arrived'],
  rescheduled: [],
};

const STAMP: Partial<Record<AppointmentStatus, keyof AppointmentsTable>> = {
  confirmed: 'confirmed_at',
  arrived: 'arrived_at',
  roomed: 'roomed_at',
  with_provider: 'with_provider_at',
  checked_out: 'checked_out_at',
  cancelled: 'cancelled_at',
};

export function canTransition(from: AppointmentStatus, to: AppointmentStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Lock an appointment of the caller's organization for a change. */
export async function lockAppointment(tx: Ctx, id: string): Promise<Selectable<AppointmentsTable>> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'appointment not found');
  const row = await tx.db
    .selectFrom('appointments')
    .selectAll()
    .where('id', '=', id)
    .where('organization_id', '=', tx.organizationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'appointment not found');
  return row;
}

/**
 * Move a locked appointment to `to`: stamp the time, write the event (who, when) and the
 * audit row, all in the caller's transaction. The flow-board NOTIFY comes from the table trigger.
 */
export async function applyTransition(
  tx: Ctx,
  current: Selectable<AppointmentsTable>,
  to: AppointmentStatus,
  opts: { set?: Updateable<AppointmentsTable>; details?: Record<string, unknown>; breakGlass?: boolean } = {},
): Promise<void> {
  if (!canTransition(current.status, to)) {
    throw new AppError('ILLEGAL_TRANSITION', `cannot go from ${current.status} to ${to}`, {
      extra: { from: current.status, to, allowed: TRANSITIONS[current.status] },
    });
  }
  const now = tx.clock.now();
  const stamp = STAMP[to];
  await sql`savepoint appointment_transition`.execute(tx.db);
  try {
    await tx.db
      .updateTable('appointments')
      .set({ ...opts.set, status: to, ...(stamp && { [stamp]: now }), version: current.version + 1, updated_at: now })
      .where('id', '=', current.id)
      .execute();
    await sql`release savepoint appointment_transition`.execute(tx.db);
  } catch (e) {
    await sql`rollback to savepoint appointment_transition`.execute(tx.db);
    // Back to an active status (a late no-show arriving) when the slot went to someone else.
    if (isExclusionViolation(e)) throw new AppError('SLOT_TAKEN', 'the slot has been booked by someone else since');
    throw e;
  }
  await tx.db
    .insertInto('appointment_events')
    .values({
      organization_id: tx.organizationId,
      appointment_id: current.id,
      from_status: current.status,
      to_status: to,
      at: now,
      user_id: actorUserId(tx),
      details: opts.details ? JSON.stringify(opts.details) : null,
    })
    .execute();
  await recordAudit(tx, {
    action: 'update',
    resourceType: 'appointment',
    resourceId: current.id,
    patientId: current.patient_id,
    breakGlass: opts.breakGlass ?? false,
    changes: { status: { before: current.status, after: to } },
    details: opts.details ?? null,
  });
}
