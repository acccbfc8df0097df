import { requirePermission } from '../access/index.ts';
import type { Ctx, Db } from '../shared/context.ts';
import type { CommsSettings } from './comms.schemas.ts';
import { type CommsEnv, resolveComms } from './comms-settings.ts';

export async function readCommsSettings(db: Db, organizationId: string, env: CommsEnv): Promise<CommsSettings> {
  const row = await db.selectFrom('comms_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  const resolved = await resolveComms(db, organizationId, env);
  return {
    smtpHost: row?.smtp_host ?? null,
    smtpPort: row?.smtp_port ?? null,
    smtpSecure: row?.smtp_secure ?? false,
    smtpUser: row?.smtp_user ?? null,
    smtpPasswordSet: Boolean(row?.smtp_password),
    smtpFrom: row?.smtp_from ?? null,
    publicUrl: row?.public_url ?? null,
    effectiveSource: resolved.source,
  };
}

/**
 * The practice's mail settings. The password is never returned, only whether one is stored.
 * `env`: the installation's mail server and link base (the server's Config).
 */
export async function getCommsSettings(ctx: Ctx, env: CommsEnv): Promise<CommsSettings> {
  requirePermission(ctx, 'settings:manage');
  return readCommsSettings(ctx.db, ctx.organizationId, env);
}
