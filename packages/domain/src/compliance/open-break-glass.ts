import { isOnCareTeam, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction, requireUser } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { BreakGlassInput, BreakGlassOpened } from './compliance.schemas.ts';

/**
 * Emergency access to a restricted record: a grant of at most 60 minutes, stating a
 * reason. While it lasts, requirePatientAccess lets the user in with breakGlass=true and
 * every audit row about the patient is flagged; the office manager reviews them in the
 * break-glass report. A record that is not restricted, or one the user's care team
 * already opens, needs no grant (409).
 */
export async function openBreakGlass(ctx: Ctx, patientId: string, input: BreakGlassInput): Promise<BreakGlassOpened> {
  requirePermission(ctx, 'break_glass');
  const user = requireUser(ctx);
  return inTransaction(ctx, async (tx) => {
    const patient = await tx.db
      .selectFrom('patients')
      .select(['id', 'restricted'])
      .where('id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!patient) throw new AppError('NOT_FOUND', 'patient not found');
    if (!patient.restricted) throw new AppError('CONFLICT', 'this record is not restricted; open it normally');
    if (await isOnCareTeam(tx, patientId, user.userId))
      throw new AppError('CONFLICT', 'you are on this patient’s care team; no break-glass needed');
    const createdAt = tx.clock.now();
    const expiresAt = new Date(createdAt.getTime() + input.minutes * 60_000);
    const grant = await tx.db
      .insertInto('break_glass_grants')
      .values({
        organization_id: tx.organizationId,
        user_id: user.userId,
        patient_id: patientId,
        reason: input.reason,
        created_at: createdAt,
        expires_at: expiresAt,
      })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'break_glass',
      resourceType: 'patient',
      resourceId: patientId,
      access: { patientId, breakGlass: true, grantId: grant.id },
      details: { reason: input.reason, expiresAt: expiresAt.toISOString() },
    });
    return { id: grant.id, patientId, reason: input.reason, createdAt: createdAt.toISOString(), expiresAt: expiresAt.toISOString() };
  });
}
