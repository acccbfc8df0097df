/**
 * Preventive-maintenance alerts, as for credentials: 90, 30 and 7 days before a service is due,
 * and once it is overdue, the location's office managers get an email. The hourly sweep job
 * writes one `equipment_alerts` row per equipment, due date and threshold (a second runner or
 * sweep adds nothing) and queues one send job per new row; a new due date starts again.
 */
import { sql } from 'kysely';
import { channelFor, resolveComms } from '../comms/index.ts';
import { officeManagersAt } from '../identity/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { SERVICE_ALERT_THRESHOLDS } from './equipment.tables.ts';

export const SERVICE_SWEEP_QUEUE = 'equipment.service-sweep';
export const SERVICE_ALERT_QUEUE = 'equipment.send-service-alert';
const OVERDUE_LOOKBACK_DAYS = 30;

export class ServiceAlertSweeper extends PeriodicTask {
  constructor(opts: { db: Db; clock: Clock; intervalMs?: number; onError?: (err: unknown) => void }) {
    super(
      async () => {
        const hour = Math.floor(opts.clock.now().getTime() / 3_600_000);
        await enqueueJob(opts.db, SERVICE_SWEEP_QUEUE, {}, { dedupeKey: `sweep:${hour}`, maxAttempts: 1, runAt: opts.clock.now() });
      },
      opts.intervalMs ?? 15 * 60_000,
      opts.onError,
    );
  }
}

export async function sweepServiceAlerts(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const { rows } = await sql<{ organization_id: string; equipment_id: string; due_on: string; threshold_days: number }>`
    insert into equipment_alerts (organization_id, equipment_id, due_on, threshold_days, created_at)
    select e.organization_id, e.id, e.service_due_on, t.threshold, ${now}::timestamptz
      from equipment e
      join location_directory l on l.id = e.location_id
      cross join lateral (select (${now}::timestamptz at time zone l.time_zone)::date as today) d
      cross join lateral (
        select min(x) as threshold from unnest(${sql.raw(`array[${SERVICE_ALERT_THRESHOLDS.join(',')}]`)}::int[]) x
         where e.service_due_on - d.today <= x
      ) t
     where e.active and e.service_due_on is not null and t.threshold is not null
       and e.service_due_on - d.today >= ${-OVERDUE_LOOKBACK_DAYS}
       and not exists (
         select 1 from equipment_alerts a
          where a.equipment_id = e.id and a.due_on = e.service_due_on and a.threshold_days <= t.threshold)
    on conflict do nothing
    returning organization_id, equipment_id, due_on::text, threshold_days`.execute(db);
  for (const r of rows) {
    await enqueueJob(
      db,
      SERVICE_ALERT_QUEUE,
      { organizationId: r.organization_id, equipmentId: r.equipment_id, dueOn: r.due_on, thresholdDays: r.threshold_days },
      { dedupeKey: `service-alert:${r.equipment_id}:${r.due_on}:${r.threshold_days}`, runAt: now },
    );
  }
  return rows.length;
}

export const handleServiceSweepJob: JobHandler = async ({ db, clock }) => {
  await sweepServiceAlerts(db, clock);
};

export const handleServiceAlertJob: JobHandler = async ({ db, installation, job }) => {
  const { organizationId, equipmentId, dueOn, thresholdDays } = job.payload as {
    organizationId: string;
    equipmentId: string;
    dueOn: string;
    thresholdDays: number;
  };
  const e = await db
    .selectFrom('equipment as e')
    .innerJoin('location_directory as l', 'l.id', 'e.location_id')
    .leftJoin('room_directory as r', 'r.id', 'e.room_id')
    .select([
      'e.name',
      'e.serial_number',
      'e.vendor',
      'e.vendor_phone',
      'e.service_due_on',
      'e.location_id',
      'l.name as location',
      'r.name as room',
    ])
    .where('e.organization_id', '=', organizationId)
    .where('e.id', '=', equipmentId)
    .executeTakeFirst();
  if (!e || e.service_due_on !== dueOn) return;
  const to = [...new Set((await officeManagersAt(db, organizationId, e.location_id)).map((p) => p.email))];
  const channel = channelFor(await resolveComms(db, organizationId, installation), 'email');
  if (!channel || to.length === 0) return;
  const where = [e.location, e.room].filter(Boolean).join(', ');
  for (const address of to) {
    await channel.send({
      to: address,
      subject: `ClinicDesk: ${e.name} ${thresholdDays === 0 ? 'is overdue for service' : `is due for service in ${thresholdDays} days`}`,
      text: [
        `${e.name}${e.serial_number ? ` (serial ${e.serial_number})` : ''} at ${where}: preventive maintenance is due on ${dueOn}.`,
        e.vendor ? `Vendor: ${e.vendor}${e.vendor_phone ? `, ${e.vendor_phone}` : ''}.` : '',
        'Record the service date in ClinicDesk (Equipment) once done.',
      ]
        .filter(Boolean)
        .join('\n'),
    });
  }
  await db
    .updateTable('equipment_alerts')
    .set({ recipients: to })
    .where('equipment_id', '=', equipmentId)
    .where('due_on', '=', dueOn)
    .where('threshold_days', '=', thresholdDays)
    .execute();
};
