/**
 * Expiry alerts: 90, 30 and 7 days before a credential expires, and when it has expired, the
 * holder and the office managers of the locations where the holder works get an email
 * (alert-recipients.ts). Every hour the sweeper queues one sweep job
 * (keyed by the hour, so any number of processes queue one); the sweep writes one
 * `credential_alerts` row per credential, expiry and threshold (the primary key: a second
 * runner or a second sweep adds nothing) and queues one send job per new row, deduplicated by
 * the same key. A credential first seen inside several thresholds gets only the nearest one's
 * alert; a renewal changes the expiry, so alerts start again for the new one.
 */
import { sql } from 'kysely';
import { channelFor, resolveComms } from '../comms/index.ts';
import { enqueueJob, type JobHandler } from '../jobs/index.ts';
import type { Clock } from '../shared/clock.ts';
import { type Db, systemCtx } from '../shared/context.ts';
import { credentialAlertRecipients } from './alert-recipients.ts';
import { PeriodicTask } from '../shared/periodic-task.ts';
import { ALERT_THRESHOLDS } from './credentials.tables.ts';

export const CREDENTIAL_SWEEP_QUEUE = 'credentials.alert-sweep';
export const CREDENTIAL_ALERT_QUEUE = 'credentials.send-alert';
/** An expired credential is alerted about only within this many days of its expiry (old history stays quiet). */
const EXPIRED_LOOKBACK_DAYS = 30;

export class CredentialAlertSweeper extends PeriodicTask {
  constructor(opts: { db: Db; clock: Clock; intervalMs?: number; onError?: (err: unknown) => void }) {
    super(
      async () => {
        const hour = Math.floor(opts.clock.now().getTime() / 3_600_000);
        await enqueueJob(opts.db, CREDENTIAL_SWEEP_QUEUE, {}, { dedupeKey: `sweep:${hour}`, maxAttempts: 1, runAt: opts.clock.now() });
      },
      opts.intervalMs ?? 15 * 60_000,
      opts.onError,
    );
  }
}

/** Record the alerts now due in every practice and queue their emails; answers how many were new. */
export async function sweepCredentialAlerts(db: Db, clock: Clock): Promise<number> {
  const now = clock.now();
  const { rows } = await sql<{ organization_id: string; credential_id: string; expires_on: string; threshold_days: number }>`
    insert into credential_alerts (organization_id, credential_id, expires_on, threshold_days, created_at)
    select c.organization_id, c.id, c.expires_on, t.threshold, ${now}::timestamptz
      from credentials c
      cross join lateral (
        select (${now}::timestamptz at time zone coalesce((
          select l.time_zone from location_directory l
           where l.organization_id = c.organization_id order by l.active desc, l.name limit 1), 'UTC'))::date as today
      ) d
      cross join lateral (
        select min(x) as threshold from unnest(${sql.raw(`array[${ALERT_THRESHOLDS.join(',')}]`)}::int[]) x where c.expires_on - d.today <= x
      ) t
     where t.threshold is not null
       and c.expires_on - d.today >= ${-EXPIRED_LOOKBACK_DAYS}
       and not exists (
         select 1 from credential_alerts a
          where a.credential_id = c.id and a.expires_on = c.expires_on and a.threshold_days <= t.threshold)
    on conflict do nothing
    returning organization_id, credential_id, expires_on::text, threshold_days`.execute(db);
  for (const r of rows) {
    await enqueueJob(
      db,
      CREDENTIAL_ALERT_QUEUE,
      { organizationId: r.organization_id, credentialId: r.credential_id, expiresOn: r.expires_on, thresholdDays: r.threshold_days },
      { dedupeKey: `credential-alert:${r.credential_id}:${r.expires_on}:${r.threshold_days}`, runAt: now },
    );
  }
  return rows.length;
}

export const handleCredentialSweepJob: JobHandler = async ({ db, clock }) => {
  await sweepCredentialAlerts(db, clock);
};

const KIND_WORDS: Record<string, string> = {
  license: 'state licence',
  dea: 'DEA registration',
  board: 'board certification',
  bls: 'BLS certification',
  acls: 'ACLS certification',
  malpractice: 'malpractice cover',
};

/** Sends one alert: to the holder's account(s) and their locations' office managers. Without mail settings it is recorded unsent. */
export const handleCredentialAlertJob: JobHandler = async ({ db, clock, installation, job }) => {
  const { organizationId, credentialId, expiresOn, thresholdDays } = job.payload as {
    organizationId: string;
    credentialId: string;
    expiresOn: string;
    thresholdDays: number;
  };
  const c = await db
    .selectFrom('credentials as c')
    .leftJoin('provider_directory as pd', 'pd.id', 'c.provider_id')
    .leftJoin('staff_directory as sd', 'sd.id', 'c.user_id')
    .select([
      'c.provider_id',
      'c.user_id',
      'c.kind',
      'c.number',
      'c.state',
      'c.expires_on',
      sql<string>`coalesce(pd.given_name || ' ' || pd.family_name, sd.display_name, '')`.as('holder'),
    ])
    .where('c.organization_id', '=', organizationId)
    .where('c.id', '=', credentialId)
    .executeTakeFirst();
  // Renewed since the alert was recorded: nothing to say.
  if (!c || c.expires_on !== expiresOn) return;
  const ctx = systemCtx(db, clock, organizationId, 'job:credential-alerts', `credential-alert-${job.id}`);
  const people = await credentialAlertRecipients(ctx, { userId: c.user_id, providerId: c.provider_id });
  const to = [...new Set(people.map((p) => p.email))];
  const channel = channelFor(await resolveComms(db, organizationId, installation), 'email');
  if (!channel || to.length === 0) return;
  const what = `${KIND_WORDS[c.kind] ?? c.kind}${c.state ? ` (${c.state})` : ''} ${c.number}`;
  const when = thresholdDays === 0 ? `expired on ${expiresOn}` : `expires on ${expiresOn}, in ${thresholdDays} days or less`;
  for (const address of to) {
    await channel.send({
      to: address,
      subject: `ClinicDesk: ${c.holder}'s ${KIND_WORDS[c.kind] ?? c.kind} ${thresholdDays === 0 ? 'has expired' : `expires in ${thresholdDays} days`}`,
      text: [
        `${c.holder}'s ${what} ${when}.`,
        '',
        thresholdDays === 0
          ? 'A provider whose state licence has expired cannot be booked at that state’s locations for days after the expiry.'
          : 'Please renew it and record the new expiry date in ClinicDesk (Credentials).',
      ].join('\n'),
    });
  }
  await db
    .updateTable('credential_alerts')
    .set({ sent_at: new Date(), recipients: to })
    .where('credential_id', '=', credentialId)
    .where('expires_on', '=', expiresOn)
    .where('threshold_days', '=', thresholdDays)
    .execute();
};
