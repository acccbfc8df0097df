/**
 * CLINICDESK_ADMIN_EMAIL + CLINICDESK_ADMIN_PASSWORD: make sure an active admin
 * with that login exists (scripts and tests rely on it). The organizations module creates
 * the practice when the database has none (ensurePractice).
 */
import { sql } from 'kysely';
import { ensurePractice } from '../organizations/index.ts';
import type { Clock } from '../shared/clock.ts';
import { type Db, systemCtx } from '../shared/context.ts';
import { createUser } from './create-user.ts';
import { checkPasswordPolicy, hashPassword, practiceNameOf, verifyPassword } from './passwords.ts';

export async function ensureAdmin(
  db: Db,
  clock: Clock,
  input: { email: string; password: string; organizationName?: string; requireMfa?: boolean },
): Promise<{ userId: string; organizationId: string; created: boolean }> {
  const email = input.email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(720451004)`.execute(trx);
    const existing = await trx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    if (existing) {
      const patch: Record<string, unknown> = {};
      if (!existing.active) Object.assign(patch, { active: true, deactivated_at: null });
      if (!(await verifyPassword(existing.password_hash, input.password))) {
        // The policy applies when a password is set (a new admin: in createUser), not to one already in use.
        await checkPasswordPolicy(input.password, {
          email,
          displayName: existing.display_name,
          practiceName: await practiceNameOf(trx, existing.organization_id),
        });
        Object.assign(patch, { password_hash: await hashPassword(input.password), password_changed_at: clock.now() });
      }
      if (Object.keys(patch).length) await trx.updateTable('users').set(patch).where('id', '=', existing.id).execute();
      const hasAdmin = await trx
        .selectFrom('user_roles')
        .select('id')
        .where('user_id', '=', existing.id)
        .where('role', '=', 'admin')
        .where('location_id', 'is', null)
        .executeTakeFirst();
      if (!hasAdmin) {
        await trx
          .insertInto('user_roles')
          .values({ organization_id: existing.organization_id, user_id: existing.id, role: 'admin', location_id: null })
          .execute();
      }
      return { userId: existing.id, organizationId: existing.organization_id, created: false };
    }
    const org = await ensurePractice(trx, { name: input.organizationName, requireMfa: input.requireMfa });
    const ctx = systemCtx(trx, clock, org.id, 'ensure-admin', 'ensure-admin', { baseDb: db });
    const user = await createUser(ctx, {
      email,
      displayName: 'Administrator',
      password: input.password,
      roles: [{ role: 'admin', locationId: null }],
    });
    return { userId: user.id, organizationId: org.id, created: true };
  });
}
