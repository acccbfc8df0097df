/**
 * Brute-force throttling for sign-in, kept in login_failures.
 *
 * - Per account (the email as typed, normalized, so unknown accounts lock out exactly like
 *   real ones): ACCOUNT_FAILURE_LIMIT failures inside the window lock that account.
 * - Per IP, far higher and graduated, because a clinic's staff share one address: from
 *   IP_DELAY_FROM failures on, each attempt must wait a little after the address's last
 *   failure (1 s, doubling every IP_DELAY_STEP failures, at most 60 s); IP_FAILURE_LIMIT
 *   failures lock the address. One colleague's typos never lock the others out.
 *
 * An attempt is counted before its password is checked: under per-account and per-IP
 * advisory locks, one short transaction checks the counts and inserts a failure row (the
 * "reservation"), so simultaneous attempts can never exceed the limit. A successful sign-in
 * clears the account's rows; an attempt that turns out not to be a failure (right
 * password, code still needed) deletes its own reservation.
 */
import { sql } from 'kysely';
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;
export const IP_FAILURE_LIMIT = 200;
export const IP_DELAY_FROM = 20;
const IP_DELAY_STEP = 20;
const IP_DELAY_MAX_SECONDS = 60;
/** Advisory lock classes (two-key form), so account and IP keys never collide with each other or other locks. */
const LOCK_ACCOUNT = 7301;
const LOCK_IP = 7302;

export interface ThrottleState {
  locked: boolean;
  /** Seconds until one more attempt is allowed (only when locked). */
  retryAfterSeconds: number;
  /** What tripped it: a locked account, a locked address, or an address that must slow down. */
  scope: 'account' | 'ip' | 'ip_delay' | null;
  /** True on the first refused attempt of a lockout (the one to audit). */
  newLockout: boolean;
}

export type Reservation = { state: ThrottleState; attemptId: null } | { state: null; attemptId: number };

/** Seconds an address must wait after its last failure, given its failures in the window. */
export function ipDelaySeconds(failures: number): number {
  if (failures < IP_DELAY_FROM) return 0;
  return Math.min(IP_DELAY_MAX_SECONDS, 2 ** Math.floor((failures - IP_DELAY_FROM) / IP_DELAY_STEP));
}

const secondsUntil = (ms: number, now: number) => Math.max(1, Math.ceil((ms - now) / 1000));

/**
 * Check the account's and the address's failures and, when neither is blocked, count this
 * attempt as a failure until it proves otherwise. Runs in its own short transaction.
 */
export async function reserveLoginAttempt(db: Db, clock: Clock, email: string, ip: string | null): Promise<Reservation> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${LOCK_ACCOUNT}, hashtext(${email}))`.execute(trx);
    if (ip) await sql`select pg_advisory_xact_lock(${LOCK_IP}, hashtext(${ip}))`.execute(trx);
    const now = clock.now().getTime();
    const since = new Date(now - LOGIN_FAILURE_WINDOW_MS);
    // The Nth most recent failure in the window: once it leaves the window, one attempt frees up.
    const account = await trx
      .selectFrom('login_failures')
      .select('at')
      .where('email', '=', email)
      .where('at', '>', since)
      .orderBy('at', 'desc')
      .limit(LOGIN_FAILURE_LIMIT)
      .execute();
    let blocked: { scope: 'account' | 'ip' | 'ip_delay'; until: number } | null = null;
    if (account.length >= LOGIN_FAILURE_LIMIT) {
      blocked = { scope: 'account', until: new Date(account[account.length - 1]!.at).getTime() + LOGIN_FAILURE_WINDOW_MS };
    } else if (ip) {
      const byIp = await trx
        .selectFrom('login_failures')
        .select(({ fn }) => [fn.countAll<string>().as('n'), fn.max('at').as('last'), fn.min('at').as('first')])
        .where('ip', '=', ip)
        .where('at', '>', since)
        .executeTakeFirstOrThrow();
      const n = Number(byIp.n);
      if (n >= IP_FAILURE_LIMIT) {
        blocked = { scope: 'ip', until: new Date(byIp.first as Date).getTime() + LOGIN_FAILURE_WINDOW_MS };
      } else {
        const wait = ipDelaySeconds(n);
        const readyAt = byIp.last ? new Date(byIp.last as Date).getTime() + wait * 1000 : 0;
        if (wait > 0 && readyAt > now) blocked = { scope: 'ip_delay', until: readyAt };
      }
    }
    if (blocked) {
      let newLockout = false;
      if (blocked.scope !== 'ip_delay') {
        const key = blocked.scope === 'account' ? email : (ip as string);
        // A new lockout (or one after the last has ended) is noted once; later refusals inside it are not.
        const noted = await trx
          .insertInto('login_lockouts')
          .values({ scope: blocked.scope, key, until: new Date(blocked.until) })
          .onConflict((oc) =>
            oc
              .columns(['scope', 'key'])
              .doUpdateSet({ until: new Date(blocked.until) })
              .where('login_lockouts.until', '<=', new Date(now)),
          )
          .returning('key')
          .executeTakeFirst();
        newLockout = noted !== undefined;
      }
      return {
        state: { locked: true, retryAfterSeconds: secondsUntil(blocked.until, now), scope: blocked.scope, newLockout },
        attemptId: null,
      };
    }
    const row = await trx
      .insertInto('login_failures')
      .values({ email, ip, at: new Date(now) })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { state: null, attemptId: row.id };
  });
}

/** The attempt was not a failure after all (right password; the client still has to send its code). */
export async function releaseLoginAttempt(db: Db, attemptId: number): Promise<void> {
  await db.deleteFrom('login_failures').where('id', '=', attemptId).execute();
}

/** After a successful sign-in, or an administrator's unlock: forget this account's failures and lockout. */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
  await db.deleteFrom('login_lockouts').where('scope', '=', 'account').where('key', '=', email).execute();
}

/** When each account's sign-in lock ends (only accounts locked now), for the staff list. */
export async function accountLocks(db: Db, clock: Clock, emails: readonly string[]): Promise<Map<string, Date>> {
  const out = new Map<string, Date>();
  if (emails.length === 0) return out;
  const since = new Date(clock.now().getTime() - LOGIN_FAILURE_WINDOW_MS);
  const rows = await db
    .selectFrom('login_failures')
    .select(['email', sql<Date>`(array_agg(at order by at desc))[${sql.lit(LOGIN_FAILURE_LIMIT)}]`.as('nth')])
    .where('email', 'in', [...emails])
    .where('at', '>', since)
    .groupBy('email')
    .having(sql`count(*)`, '>=', LOGIN_FAILURE_LIMIT)
    .execute();
  for (const r of rows) if (r.email) out.set(r.email, new Date(new Date(r.nth).getTime() + LOGIN_FAILURE_WINDOW_MS));
  return out;
}
