/**
 * The reminder sweep: finds (appointment, rule) pairs that are due and enqueues one send
 * job for each, deduplicated by `reminder:<appointmentId>:<ruleId>`. A rule is due from
 * `hours_before` hours before the start until the start; when a shorter rule is due as
 * well (a visit booked the day before), only the shortest is sent.
 */
import { sql } from 'kysely';
import { enqueueJob, jobEnqueuedSql } from '../jobs/index.ts';
import type { JobHandler } from '../jobs/index.ts';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';

export const REMINDER_SWEEP_QUEUE = 'comms.reminder-sweep';
export const SEND_REMINDER_QUEUE = 'comms.send-reminder';
const BATCH = 1_000;

/** Enqueue the due reminders of every practice; returns how many jobs were new. */
export async function sweepReminders(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const due = await db
    .selectFrom('appointment_times as a')
    .innerJoin('reminder_rules as r', (j) => j.onRef('r.organization_id', '=', 'a.organization_id').on('r.active', '=', true))
    .select(['a.id as appointmentId', 'a.organization_id as organizationId', 'a.starts_at as startsAt', 'r.id as ruleId'])
    .where('a.status', 'in', ['scheduled', 'confirmed'])
    .where('a.starts_at', '>', now)
    .where(sql<boolean>`a.starts_at <= ${now}::timestamptz + r.hours_before * interval '1 hour'`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('reminder_rules as r2')
            .select('r2.id')
            .whereRef('r2.organization_id', '=', 'r.organization_id')
            .whereRef('r2.channel', '=', 'r.channel')
            .where('r2.active', '=', true)
            .whereRef('r2.hours_before', '<', 'r.hours_before')
            .where(sql<boolean>`a.starts_at <= ${now}::timestamptz + r2.hours_before * interval '1 hour'`),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom('messages as m').select('m.id').whereRef('m.appointment_id', '=', 'a.id').whereRef('m.rule_id', '=', 'r.id'))),
    )
    .where(({ not }) => not(jobEnqueuedSql(SEND_REMINDER_QUEUE, sql<string>`'reminder:' || a.id || ':' || r.id`)))
    .orderBy('a.starts_at')
    .limit(BATCH)
    .execute();
  let queued = 0;
  for (const d of due) {
    const id = await enqueueJob(
      db,
      SEND_REMINDER_QUEUE,
      { organizationId: d.organizationId, appointmentId: d.appointmentId, ruleId: d.ruleId },
      { dedupeKey: `reminder:${d.appointmentId}:${d.ruleId}`, runAt: now },
    );
    if (id !== null) queued++;
  }
  return queued;
}

export const handleReminderSweepJob: JobHandler = async ({ db, clock }) => {
  await sweepReminders(db, clock);
};
