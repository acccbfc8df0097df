import { requireActiveStaff } from '../identity/index.ts';
import { complaintPlace } from './complaint-scope.ts';
import { requirePatientAccess } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadComplaint, lockComplaint } from './complaint-row.ts';
import { OPEN_COMPLAINT_STATUSES } from './complaints.tables.ts';
import type { Complaint, ComplaintPatch } from './complaints.schemas.ts';

/**
 * Work a complaint: owner, due date, status, the resolution, whether the patient was told.
 * Resolving or closing needs a resolution (400 naming `resolution`) and records the day;
 * reopening clears that day. `expectedVersion` comes from If-Match (412 when stale).
 */
export async function updateComplaint(ctx: Ctx, id: string, patch: ComplaintPatch, expectedVersion: number): Promise<Complaint> {
  return inTransaction(ctx, async (tx) => {
    const current = await lockComplaint(tx, id);
    const { today } = await complaintPlace(tx, 'complaint:manage', current.location_id);
    const access = current.patient_id ? await requirePatientAccess(tx, current.patient_id, 'complaint:manage') : undefined;
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `complaint is at version ${current.version}`, {
        extra: { current: await loadComplaint(tx, id, today) },
      });
    }
    if (patch.ownerId !== undefined) await requireActiveStaff(tx, patch.ownerId, 'ownerId');
    const status = patch.status ?? current.status;
    const resolution = patch.resolution !== undefined ? patch.resolution : current.resolution;
    const stillOpen = OPEN_COMPLAINT_STATUSES.includes(status);
    if (!stillOpen && !resolution) throw invalid('resolution', 'Write down how it was resolved before resolving or closing it.');
    const dueOn = patch.dueOn !== undefined ? patch.dueOn : current.due_on;
    if (dueOn && dueOn < current.received_on) throw invalid('dueOn', 'The due date comes on or after the day it was received.');
    const next = {
      description: patch.description ?? current.description,
      category: patch.category ?? current.category,
      severity: patch.severity ?? current.severity,
      owner_id: patch.ownerId !== undefined ? patch.ownerId : current.owner_id,
      due_on: dueOn,
      status,
      resolution,
      resolved_on: stillOpen ? null : (current.resolved_on ?? today),
      patient_informed: patch.patientInformed ?? current.patient_informed,
    };
    await tx.db
      .updateTable('complaints')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    const { organization_id: _o, id: _i, version: _v, created_at: _c, updated_at: _u, ...before } = current;
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'complaint',
      resourceId: id,
      ...(access && { access }),
      changes: diffFields(before, next),
    });
    return loadComplaint(tx, id, today);
  });
}
