import { requirePermission } from '../access/index.ts';
import type { Ctx, Db } from '../shared/context.ts';
import type { CommsSettings } from './comms.schemas.ts';
import { resolveComms } from './comms-settings.ts';
import type { Installation } from '../shared/installation.ts';

export async function readCommsSettings(db: Db, organizationId: string, installation: Installation): Promise<CommsSettings> {
  const row = await db.selectFrom('comms_settings').selectAll().where('organization_id', '=', organizationId).executeTakeFirst();
  const resolved = await resolveComms(db, organizationId, installation);
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
 * `installation`: its mail server and link base (the server's Config).
 */
export async function getCommsSettings(ctx: Ctx, installation: Installation): Promise<CommsSettings> {
  requirePermission(ctx, 'settings:manage');
  return readCommsSettings(ctx.db, ctx.organizationId, installation);
}
