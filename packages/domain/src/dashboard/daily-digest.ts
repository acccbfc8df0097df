/**
 * The manager's daily digest: at 07:00 on each location's clock, the day's dashboard figures
 * by email to the office managers whose roles reach that location. A sweeper enqueues one
 * sweep job every five minutes (whatever the process count); the sweep enqueues one send job
 * per location whose morning has come and whose digest has not gone; the send job records the
 * digest (location, local day) in its own transaction before sending, so two job runners send
 * it once, and a mail failure rolls the record back for the retry.
 */
import { sql } from 'kysely';
import { channelFor, resolveComms } from '../comms/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import { dollars } from '../reports/index.ts';
import type { Clock } from '../shared/clock.ts';
import { type Db, systemCtx } from '../shared/context.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import type { Dashboard } from './dashboard.schemas.ts';
import { getDashboard } from './get-dashboard.ts';

export const DIGEST_SWEEP_QUEUE = 'dashboard.digest-sweep';
export const SEND_DIGEST_QUEUE = 'dashboard.send-digest';
/** The local time the digest goes out. */
export const DIGEST_LOCAL_TIME = '07:00';
/** Locations handled per sweep (the next sweep takes the rest). */
const SWEEP_BATCH = 200;

export class DigestSweeper extends PeriodicTask {
  constructor(opts: { db: Db; clock: Clock; intervalMs?: number; onError?: (err: unknown) => void }) {
    super(
      async () => {
        const slot = Math.floor(opts.clock.now().getTime() / 300_000);
        await enqueueJob(opts.db, DIGEST_SWEEP_QUEUE, {}, { dedupeKey: `digest-sweep:${slot}`, maxAttempts: 1, runAt: opts.clock.now() });
      },
      opts.intervalMs ?? 300_000,
      opts.onError,
    );
  }
}

/** Enqueue the send job of every location whose digest time has come today and whose digest has not gone. */
export async function sweepDigests(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const due = await db
    .selectFrom('location_directory as l')
    .select(['l.id', 'l.organization_id', sql<string>`(${now}::timestamptz at time zone l.time_zone)::date::text`.as('day')])
    .where('l.active', '=', true)
    .where(sql<boolean>`(${now}::timestamptz at time zone l.time_zone)::time >= ${DIGEST_LOCAL_TIME}::time`)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('dashboard_digests as d')
            .select('d.location_id')
            .whereRef('d.location_id', '=', 'l.id')
            .where(sql<boolean>`d.digest_date = (${now}::timestamptz at time zone l.time_zone)::date`),
        ),
      ),
    )
    .limit(SWEEP_BATCH)
    .execute();
  let queued = 0;
  for (const d of due) {
    const id = await enqueueJob(
      db,
      SEND_DIGEST_QUEUE,
      { organizationId: d.organization_id, locationId: d.id, day: d.day },
      { dedupeKey: `digest:${d.id}:${d.day}`, runAt: now },
    );
    if (id !== null) queued++;
  }
  return queued;
}

export const handleDigestSweepJob: JobHandler = async ({ db, clock }) => {
  await sweepDigests(db, clock);
};

export const handleSendDigestJob: JobHandler = async ({ db, clock, installation, job }) => {
  const { organizationId, locationId, day } = job.payload as { organizationId: string; locationId: string; day: string };
  const claimed = await db
    .insertInto('dashboard_digests')
    .values({ organization_id: organizationId, location_id: locationId, digest_date: day, sent_at: clock.now() })
    .onConflict((oc) => oc.doNothing())
    .returning('location_id')
    .executeTakeFirst();
  if (!claimed) return; // another runner sent it
  const managers = await db
    .selectFrom('staff_roles as r')
    .innerJoin('staff_directory as s', 's.id', 'r.user_id')
    .select(['s.email', 's.display_name'])
    .distinct()
    .where('r.organization_id', '=', organizationId)
    .where('r.role', '=', 'office_manager')
    .where((eb) => eb.or([eb('r.location_id', 'is', null), eb('r.location_id', '=', locationId)]))
    .where('s.active', '=', true)
    .execute();
  const channel = channelFor(await resolveComms(db, organizationId, installation), 'email');
  if (!channel || managers.length === 0) return;
  const ctx = systemCtx(db, clock, organizationId, 'job:dashboard-digest', `digest-${job.id}`);
  const [location] = await db.selectFrom('location_directory').select('name').where('id', '=', locationId).execute();
  const dashboard = await getDashboard(ctx, { locationId });
  const text = digestText(dashboard, location?.name ?? '');
  for (const m of managers) {
    await channel.send({
      to: m.email,
      subject: `ClinicDesk: ${location?.name ?? 'your practice'} today (${day})`,
      text: `Hello ${m.display_name},\n\n${text}`,
    });
  }
  await db
    .updateTable('dashboard_digests')
    .set({ recipients: managers.length })
    .where('organization_id', '=', organizationId)
    .where('location_id', '=', locationId)
    .where('digest_date', '=', day)
    .execute();
};

/** "1 offer", "2 offers". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** The digest's plain text: the dashboard's figures, one line each, for a mail client or a phone. */
export function digestText(d: Dashboard, locationName: string): string {
  const lines = [`${locationName}, ${d.date}`, ''];
  if (d.today) {
    lines.push(`Today: ${d.today.scheduled} visits booked, ${d.today.arrived} arrived, ${d.today.noShows} no-shows so far.`);
  }
  if (d.utilization) {
    const busy = d.utilization.providers.filter((p) => p.percent !== null);
    if (busy.length > 0) lines.push(`This week's utilization: ${busy.map((p) => `${p.name} ${p.percent}%`).join(', ')}.`);
  }
  const lastWeek = d.noShowTrend?.at(-2);
  if (lastWeek?.rate !== null && lastWeek?.rate !== undefined) lines.push(`No-show rate last week: ${lastWeek.rate}%.`);
  if (d.tasks) lines.push(`Tasks: ${d.tasks.open} open, ${d.tasks.overdue} overdue, ${d.tasks.slaBreached} past their service level.`);
  if (d.onCall) lines.push(`On call now: ${d.onCall.now.map((o) => o.name).join(', ') || 'nobody'}.`);
  if (d.staffing)
    lines.push(`Rota: ${d.staffing.coverageGaps} coverage gaps this week, ${d.staffing.pendingTimeOff} time-off requests waiting.`);
  if (d.credentials)
    lines.push(`Credentials: ${d.credentials.expired} expired, ${d.credentials.dueSoon} expiring within ${d.credentials.withinDays} days.`);
  if (d.training) lines.push(`Training: ${d.training.overdue} overdue, ${d.training.dueSoon} due soon.`);
  if (d.hiring)
    lines.push(
      `Hiring: ${count(d.hiring.openPositions, 'open position')} (${count(d.hiring.openingsToFill, 'place')} to fill), ` +
        `${d.hiring.interview} interviewing, ${count(d.hiring.offer, 'offer')} out; ` +
        `${count(d.hiring.interviewsSoon, 'interview')} in the next ${d.hiring.interviewDays} days.`,
    );
  if (d.equipment) lines.push(`Equipment out of service: ${d.equipment.outOfService}.`);
  if (d.finance) {
    lines.push(
      `Money: $${dollars(d.finance.collectedCents)} collected in the last 30 days; A/R $${dollars(d.finance.totalArCents)}` +
        (d.finance.daysInAr !== null ? ` (${d.finance.daysInAr} days)` : '') +
        (d.finance.denialRate !== null ? `; denial rate ${d.finance.denialRate}%.` : '.'),
    );
  }
  lines.push('', 'Open the dashboard in ClinicDesk for the worklists behind each figure.');
  return lines.join('\n');
}
