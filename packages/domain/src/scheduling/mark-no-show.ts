/**
 * The automatic no-show: a job queued at booking for start + the organization's
 * `no_show_after_minutes` (default 30). If the patient has not arrived by then, the
 * visit becomes no_show (recorded as done by the system). If the setting grew since
 * booking, the check is queued again for the new time. A visit moved in the last hour is
 * never marked: staff who just moved it (perhaps by a slip of the mouse) have that hour to
 * notice; the check waits until the hour is over.
 */
import type { JobHandler } from '../jobs/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { systemCtx } from '../shared/context.ts';
import { applyTransition } from './appointment-status.ts';
import { NO_SHOW_QUEUE } from './insert-appointment.ts';

/** How long after a move a visit is safe from the automatic no-show. */
export const MOVE_GRACE_MS = 60 * 60_000;

export const handleNoShowJob: JobHandler = async ({ db, clock, job }) => {
  const { organizationId, appointmentId } = job.payload as { organizationId: string; appointmentId: string };
  const ctx = systemCtx(db, clock, organizationId, 'job:no-show', `job-${job.id}`);
  const row = await db
    .selectFrom('appointments as a')
    .innerJoin('organization_schedule_settings as s', 's.organization_id', 'a.organization_id')
    .selectAll('a')
    .select('s.no_show_after_minutes')
    .where('a.id', '=', appointmentId)
    .where('a.organization_id', '=', organizationId)
    .forUpdate('a')
    .executeTakeFirst();
  if (!row || (row.status !== 'scheduled' && row.status !== 'confirmed')) return;
  const minutes = row.no_show_after_minutes;
  const byTime = new Date(row.starts_at).getTime() + minutes * 60_000;
  const moved = row.rescheduled_from_id !== null ? new Date(row.created_at).getTime() + MOVE_GRACE_MS : 0;
  const due = new Date(Math.max(byTime, moved));
  if (clock.now() < due) {
    await enqueueJob(db, NO_SHOW_QUEUE, job.payload, { dedupeKey: `no-show:${appointmentId}:${due.getTime()}`, runAt: due });
    return;
  }
  const { no_show_after_minutes: _m, ...current } = row;
  await applyTransition(ctx, current, 'no_show', { details: { automatic: true, afterMinutes: minutes } });
};
