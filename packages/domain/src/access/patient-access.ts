/**
 * Object-level access to a patient: the one place that decides whether the
 * actor may see this record. Another organization's patient and a missing one
 * both answer NOT_FOUND; a restricted record opens only to its care team, or
 * under an active break-glass grant (which marks the audit row).
 */
import { recordAudit } from '../audit/index.ts';
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { isOnCareTeam } from './care-team.ts';
import { requirePermission, systemMayOpenRestricted } from './require-permission.ts';
import type { Permission } from './permissions.ts';

export interface PatientAccess {
  patientId: string;
  /** True when access rests on a break-glass grant: audit rows must say so. */
  breakGlass: boolean;
  /** The grant access rests on; pass the whole result to recordAudit as `access`. */
  grantId?: string | null;
}

/**
 * `loaded`: the caller already read this patient's row, scoped to ctx.organizationId (undefined
 * when no row was found), so the check needs no query of its own on the hot path.
 */
export async function requirePatientAccess(
  ctx: Ctx,
  patientId: string,
  permission: Permission = 'patient:read',
  loaded?: { row: { restricted: boolean } | undefined },
): Promise<PatientAccess> {
  requirePermission(ctx, permission);
  if (!/^[0-9a-f-]{36}$/i.test(patientId)) throw new AppError('NOT_FOUND', 'patient not found');
  const row = loaded
    ? loaded.row
    : await ctx.db
        .selectFrom('patient_access_facts')
        .select(['id', 'restricted'])
        .where('id', '=', patientId)
        .where('organization_id', '=', ctx.organizationId)
        .executeTakeFirst();
  if (!row) throw new AppError('NOT_FOUND', 'patient not found');
  if (!row.restricted || systemMayOpenRestricted(ctx)) return { patientId, breakGlass: false };
  if (ctx.actor.kind !== 'user') throw new AppError('NOT_FOUND', 'patient not found');
  const userId = ctx.actor.userId;
  if (await isOnCareTeam(ctx, patientId, userId)) return { patientId, breakGlass: false };
  const grant = await ctx.db
    .selectFrom('break_glass_windows')
    .select('id')
    .where('patient_id', '=', patientId)
    .where('user_id', '=', userId)
    .where('expires_at', '>', ctx.clock.now())
    .executeTakeFirst();
  if (grant) return { patientId, breakGlass: true, grantId: grant.id };
  // Denied access to a restricted record is itself audited, outside the caller's
  // transaction so the rollback of the failed request does not erase it.
  await recordAudit(
    { ...ctx, db: ctx.baseDb },
    {
      action: 'read',
      resourceType: 'patient',
      resourceId: patientId,
      patientId,
      outcome: 'denied',
      details: { reason: 'restricted record' },
    },
  ).catch(() => undefined);
  throw new AppError('NOT_FOUND', 'patient not found');
}
