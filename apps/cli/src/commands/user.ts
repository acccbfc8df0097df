import type { Command } from 'commander';
import { ROLES, type Role } from '@domain/access/permissions.ts';
import { createUser, unlockUser } from '@domain/identity/index.ts';
import type { SystemPurpose } from '@domain/access/permissions.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { type Ctx, systemCtx } from '@domain/shared/context.ts';
import { withDatabase } from '../database.ts';

const cliCtx = (db: Ctx['db'], organizationId: string, purpose: SystemPurpose): Ctx =>
  systemCtx(db, systemClock, organizationId, purpose, 'cli', { userAgent: 'clinicdesk-cli' });

export function registerUser(program: Command): void {
  const user = program.command('user').description('Manage staff accounts');
  user
    .command('create')
    .description('Create a staff account. The password is read from CLINICDESK_NEW_PASSWORD or --password.')
    .requiredOption('--email <email>', 'login email (unique)')
    .requiredOption('--role <role...>', `one or more of: ${ROLES.join(', ')}`)
    .option('--name <name>', 'display name')
    .option('--password <password>', 'initial password (prefer CLINICDESK_NEW_PASSWORD: argv is visible to other users)')
    .option('--organization <id>', 'organization id (default: the only/first one)')
    .action(async (opts: { email: string; role: string[]; name?: string; password?: string; organization?: string }) => {
      const bad = opts.role.filter((r) => !(ROLES as readonly string[]).includes(r));
      if (bad.length) throw new Error(`unknown role(s): ${bad.join(', ')}; choose from ${ROLES.join(', ')}`);
      const password = opts.password ?? process.env.CLINICDESK_NEW_PASSWORD;
      await withDatabase(async ({ db }) => {
        const org = opts.organization
          ? await db.selectFrom('organizations').select('id').where('id', '=', opts.organization).executeTakeFirst()
          : await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
        if (!org) throw new Error('no organization: start ClinicDesk once (or run `clinicdesk seed demo`) first');
        const created = await createUser(cliCtx(db, org.id, 'cli:user-create'), {
          email: opts.email,
          displayName: opts.name ?? opts.email,
          password,
          roles: opts.role.map((r) => ({ role: r as Role, locationId: null })),
        });
        // Without a password the account is invited: print the one-time link path (append it to the site's address).
        console.log(JSON.stringify({ id: created.id, email: opts.email.toLowerCase(), roles: opts.role, invite: created.invite }));
      });
    });
  user
    .command('unlock')
    .description('Clear the failed sign-ins that lock an account (e.g. the only administrator locked out); audited')
    .requiredOption('--email <email>', 'the locked account')
    .action(async (opts: { email: string }) => {
      await withDatabase(async ({ db }) => {
        const row = await db
          .selectFrom('users')
          .select(['id', 'organization_id'])
          .where('email', '=', opts.email.trim().toLowerCase())
          .executeTakeFirst();
        if (!row) throw new Error(`no account with the email ${opts.email}`);
        const unlocked = await unlockUser(cliCtx(db, row.organization_id, 'cli:user-unlock'), row.id);
        console.log(JSON.stringify({ id: unlocked.id, email: unlocked.email, signInLockedUntil: unlocked.signInLockedUntil }));
      });
    });
}
