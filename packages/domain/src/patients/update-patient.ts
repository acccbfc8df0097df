import { type PatientAccess, requirePatientAccess } from '../access/index.ts';
import { diffFields, lastChange, recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { explicitCareTeamIds } from './care-team-members.ts';
import { checkDates, checkReferences } from './check-patient-rules.ts';
import { toPatient, toPatientColumns } from './patient-row.ts';
import type { Patient, PatientPatch } from './patients.schemas.ts';

/**
 * Whoever marks a record restricted joins its care team in the same transaction, so the
 * next read does not lock them out (audited as a care-team change).
 */
async function keepMarkerOnTeam(tx: Ctx, patientId: string, access: PatientAccess): Promise<void> {
  if (tx.actor.kind !== 'user') return;
  const userId = tx.actor.userId;
  const before = await explicitCareTeamIds(tx, patientId);
  if (before.includes(userId)) return;
  await tx.db
    .insertInto('patient_care_team')
    .values({ organization_id: tx.organizationId, patient_id: patientId, user_id: userId })
    .execute();
  await recordAudit(tx, {
    action: 'update',
    resourceType: 'care_team',
    resourceId: patientId,
    access,
    changes: { userIds: { before, after: [...before, userId].sort() } },
    details: { added: [userId], removed: [], reason: 'marked the record restricted' },
  });
}

/**
 * Edit demographics. `expectedVersion` comes from If-Match: a stale version
 * answers VERSION_MISMATCH with the current record and the last change (who, when, what).
 */
export async function updatePatient(ctx: Ctx, id: string, patch: PatientPatch, expectedVersion: number): Promise<Patient> {
  const access = await requirePatientAccess(ctx, id, 'patient:write');
  // Lifting or setting the restriction under a break-glass grant would outlast the emergency.
  if (access.breakGlass && patch.restricted !== undefined)
    throw new AppError('FORBIDDEN', 'break-glass access cannot change whether the record is restricted');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('patients')
      .selectAll()
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.status === 'merged') {
      throw new AppError('CONFLICT', 'this record was merged; edit the surviving record', {
        extra: { mergedIntoId: current.merged_into_id },
      });
    }
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `patient is at version ${current.version}`, {
        extra: { current: toPatient(current), lastChange: await lastChange(tx, 'patient', id) },
      });
    }
    const status = patch.status ?? current.status;
    // Leaving "deceased" clears the date unless the patch says otherwise.
    const deceasedDate = patch.deceasedDate !== undefined ? patch.deceasedDate : status === 'deceased' ? current.deceased_date : null;
    checkDates(tx, { birthDate: patch.birthDate ?? current.birth_date, status, deceasedDate });
    await checkReferences(tx, patch, id);
    const row = await tx.db
      .updateTable('patients')
      .set({ ...toPatientColumns(patch), deceased_date: deceasedDate, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const before = toPatient(current) as unknown as Record<string, unknown>;
    const after = toPatient(row) as unknown as Record<string, unknown>;
    for (const k of ['version', 'updatedAt']) {
      delete before[k];
      delete after[k];
    }
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'patient',
      resourceId: id,
      patientId: id,
      breakGlass: access.breakGlass,
      changes: diffFields(before, after),
    });
    if (row.restricted && !current.restricted) await keepMarkerOnTeam(tx, id, access);
    return toPatient(row);
  });
}
