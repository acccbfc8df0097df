import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError, type FieldError } from '../shared/errors.ts';
import { careTeamMembers, explicitCareTeamIds } from './care-team-members.ts';
import type { CareTeamInput, CareTeamMember } from './patients.schemas.ts';

/**
 * Replace the explicit care team of a patient. Only someone the record already opens to
 * may do it, and not under break-glass: a 60-minute emergency grant must not turn itself
 * into permanent access. Members must be active staff of this practice (400 naming `userIds.N`).
 * Audited with the member ids before and after.
 */
export async function setCareTeam(
  ctx: Ctx,
  patientId: string,
  input: CareTeamInput,
): Promise<{ items: CareTeamMember[]; nextCursor: null }> {
  const access = await requirePatientAccess(ctx, patientId, 'patient:write');
  if (access.breakGlass) throw new AppError('FORBIDDEN', 'break-glass access cannot change the care team');
  const userIds = [...new Set(input.userIds)];
  return inTransaction(ctx, async (tx) => {
    // The patient row lock serializes concurrent edits of the same team.
    const patient = await tx.db
      .selectFrom('patients')
      .select('status')
      .where('id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (patient.status === 'merged') throw new AppError('CONFLICT', 'this record was merged; edit the surviving record');
    const found = userIds.length
      ? await tx.db
          .selectFrom('staff_directory')
          .select('id')
          .where('organization_id', '=', tx.organizationId)
          .where('active', '=', true)
          .where('id', 'in', userIds)
          .execute()
      : [];
    const ok = new Set(found.map((u) => u.id));
    const errors: FieldError[] = input.userIds.flatMap((id, i) =>
      ok.has(id) ? [] : [{ path: `userIds.${i}`, message: 'no active staff account with this id in this practice' }],
    );
    if (errors.length) throw new AppError('VALIDATION_FAILED', errors[0]?.message, { errors });
    const before = await explicitCareTeamIds(tx, patientId);
    const removed = before.filter((id) => !ok.has(id));
    const added = userIds.filter((id) => !before.includes(id));
    if (removed.length)
      await tx.db.deleteFrom('patient_care_team').where('patient_id', '=', patientId).where('user_id', 'in', removed).execute();
    if (added.length)
      await tx.db
        .insertInto('patient_care_team')
        .values(added.map((userId) => ({ organization_id: tx.organizationId, patient_id: patientId, user_id: userId })))
        .execute();
    const after = [...userIds].sort();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'care_team',
      resourceId: patientId,
      access,
      changes: { userIds: { before, after } },
      details: { added, removed },
    });
    return { items: await careTeamMembers(tx, patientId), nextCursor: null };
  });
}
