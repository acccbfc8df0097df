/**
 * The automatic no-show: a job queued at booking for start + the organization's
 * `no_show_after_minutes` (default 30). If the patient has not arrived by then, the
 * visit becomes no_show (recorded as done by the system). If the setting grew since
 * booking, the check is queued again for the new time.
 */
import type { JobHandler } from '../jobs/index.ts';
import { enqueueJob } from '../jobs/index.ts';
import { systemCtx } from '../shared/context.ts';
import { applyTransition } from './appointment-status.ts';
import { NO_SHOW_QUEUE } from './insert-appointment.ts';

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
  const due = new Date(new Date(row.starts_at).getTime() + minutes * 60_000);
  if (clock.now() < due) {
    await enqueueJob(db, NO_SHOW_QUEUE, job.payload, { dedupeKey: `no-show:${appointmentId}:${due.getTime()}`, runAt: due });
    return;
  }
  const { no_show_after_minutes: _m, ...current } = row;
  await applyTransition(ctx, current, 'no_show', { details: { automatic: true, afterMinutes: minutes } });
};
