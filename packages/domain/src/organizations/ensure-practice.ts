/**
 * The practice of a fresh installation: the first organization, created when the database has
 * none (CLINICDESK_ADMIN_EMAIL's first start, identity/ensure-admin.ts). Runs in the caller's
 * transaction, under its lock. A new practice gets the security defaults: MFA required unless
 * told otherwise, the default idle timeout. Not audited: there is no actor yet (the admin
 * account created next is).
 */
import type { Db } from '../shared/context.ts';
import { DEFAULT_IDLE_TIMEOUT_SECONDS } from './organization-settings.ts';

export async function ensurePractice(
  db: Db,
  input: { name?: string | undefined; requireMfa?: boolean | undefined } = {},
): Promise<{ id: string; created: boolean }> {
  const first = await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  if (first) return { id: first.id, created: false };
  const org = await db
    .insertInto('organizations')
    .values({
      name: input.name ?? 'My Practice',
      settings: JSON.stringify({ require_mfa: input.requireMfa ?? true, idle_timeout_seconds: DEFAULT_IDLE_TIMEOUT_SECONDS }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: org.id, created: true };
}
