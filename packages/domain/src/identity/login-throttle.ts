/**
 * Brute-force throttling for sign-in, kept in login_failures: at most
 * LOGIN_FAILURE_LIMIT failures per account and per IP inside the window. The
 * account key is the email as typed (normalized), so unknown accounts lock out
 * exactly like real ones and the answer reveals nothing.
 */
import type { Clock } from '../shared/clock.ts';
import type { Db } from '../shared/context.ts';

export const LOGIN_FAILURE_LIMIT = 10;
export const LOGIN_FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface ThrottleState {
  locked: boolean;
  /** Seconds until one more attempt is allowed (only when locked). */
  retryAfterSeconds: number;
  /** What tripped it, for the audit row. */
  scope: 'account' | 'ip' | null;
}

async function keyState(db: Db, clock: Clock, column: 'email' | 'ip', value: string): Promise<number | null> {
  const since = new Date(clock.now().getTime() - LOGIN_FAILURE_WINDOW_MS);
  // The Nth most recent failure in the window: once it leaves the window, one attempt frees up.
  const rows = await db
    .selectFrom('login_failures')
    .select('at')
    .where(column, '=', value)
    .where('at', '>', since)
    .orderBy('at', 'desc')
    .limit(LOGIN_FAILURE_LIMIT)
    .execute();
  if (rows.length < LOGIN_FAILURE_LIMIT) return null;
  const oldest = new Date(rows[rows.length - 1]!.at).getTime();
  return Math.max(1, Math.ceil((oldest + LOGIN_FAILURE_WINDOW_MS - clock.now().getTime()) / 1000));
}

/** Whether the account or the IP has used up its failures in the window. */
export async function loginThrottle(db: Db, clock: Clock, email: string, ip: string | null): Promise<ThrottleState> {
  const account = await keyState(db, clock, 'email', email);
  const byIp = ip ? await keyState(db, clock, 'ip', ip) : null;
  if (account === null && byIp === null) return { locked: false, retryAfterSeconds: 0, scope: null };
  return {
    locked: true,
    retryAfterSeconds: Math.max(account ?? 0, byIp ?? 0),
    scope: account !== null ? 'account' : 'ip',
  };
}

export async function recordLoginFailure(db: Db, clock: Clock, email: string, ip: string | null): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip, at: clock.now() }).execute();
}

/** After a successful sign-in: forget this account's failures. Other accounts' rows (and so the IP count they make up) stay. */
export async function clearLoginFailures(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}
