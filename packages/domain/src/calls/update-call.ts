import { requireActiveStaff } from '../identity/index.ts';
import { type PatientAccess, requirePatientAccess, actingLocation } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { completeLinkedTask } from '../tasks/index.ts';
import { loadCall, lockCall } from './call-row.ts';
import { type Call, type CallPatch, outcomeFits } from './calls.schemas.ts';

/**
 * Record what became of a call: its outcome, the note, the patient the desk picked among the
 * candidates, who follows it up, and the follow-up done (or open again; done completes the task
 * the follow-up became). `expectedVersion`
 * comes from If-Match: 412 VERSION_MISMATCH (with the call as it now is) when someone changed
 * it since.
 */
export async function updateCall(ctx: Ctx, id: string, patch: CallPatch, expectedVersion: number): Promise<Call> {
  return inTransaction(ctx, async (tx) => {
    const current = await lockCall(tx, id);
    await actingLocation(tx, 'call:write', current.location_id);
    let access: PatientAccess | undefined = current.patient_id
      ? await requirePatientAccess(tx, current.patient_id, 'call:write')
      : undefined;
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `call is at version ${current.version}`, { extra: { current: await loadCall(tx, id) } });
    }
    if (patch.patientId && patch.patientId !== current.patient_id) access = await requirePatientAccess(tx, patch.patientId, 'call:write');
    if (patch.outcome && !outcomeFits(current.direction, patch.outcome))
      throw invalid('outcome', `Not an outcome of an ${current.direction} call.`);
    await requireActiveStaff(tx, patch.assignedTo, 'assignedTo');
    const next = {
      outcome: patch.outcome ?? current.outcome,
      note: patch.note ?? current.note,
      patient_id: patch.patientId !== undefined ? patch.patientId : current.patient_id,
      reason: patch.reason ?? current.reason,
      assigned_to: patch.assignedTo !== undefined ? patch.assignedTo : current.assigned_to,
      follow_up: patch.followUp ?? current.follow_up,
    };
    await tx.db
      .updateTable('calls')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    const before = {
      outcome: current.outcome,
      note: current.note,
      patient_id: current.patient_id,
      reason: current.reason,
      assigned_to: current.assigned_to,
      follow_up: current.follow_up,
    };
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'call',
      resourceId: id,
      ...(access && { access }),
      changes: diffFields(before, next),
    });
    // The follow-up done at the call: the task it became is done too.
    if (current.task_id && current.follow_up !== 'done' && next.follow_up === 'done') await completeLinkedTask(tx, current.task_id);
    return loadCall(tx, id);
  });
}
