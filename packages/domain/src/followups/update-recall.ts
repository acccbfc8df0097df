import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { checkReferences } from './create-follow-up.ts';
import type { Recall, RecallPatch } from './followups.schemas.ts';
import { recallBooked } from './recall-events.ts';
import { loadRecall, lockRecall } from './recall-row.ts';

/**
 * Change a recall's type, due date, provider, note or status (close it, or reopen it).
 * Becoming booked emits `recall.booked`. `expectedVersion` comes from If-Match: 412 VERSION_MISMATCH when someone changed it since.
 */
export async function updateRecall(ctx: Ctx, id: string, patch: RecallPatch, expectedVersion: number): Promise<Recall> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockRecall(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    const today = await todayAt(tx);
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `recall is at version ${current.version}`, {
        extra: { current: await loadRecall(tx, id, today) },
      });
    }
    const recallType = patch.recallType ?? current.recall_type;
    const label = patch.label !== undefined ? patch.label : current.label;
    if (recallType === 'other' && !label) throw invalid('label', 'name the recall when its type is "other"');
    await checkReferences(tx, { providerId: patch.providerId ?? undefined });
    const next = {
      recall_type: recallType,
      label,
      due_date: patch.dueDate ?? current.due_date,
      provider_id: patch.providerId !== undefined ? patch.providerId : current.provider_id,
      status: patch.status ?? current.status,
      note: patch.note ?? current.note,
    };
    await tx.db
      .updateTable('recalls')
      .set({ ...next, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', id)
      .execute();
    const before = {
      recall_type: current.recall_type,
      label: current.label,
      due_date: current.due_date,
      provider_id: current.provider_id,
      status: current.status,
      note: current.note,
    };
    await recordAudit(tx, { action: 'update', resourceType: 'recall', resourceId: id, access, changes: diffFields(before, next) });
    if (next.status === 'booked' && current.status !== 'booked') await emit(tx, recallBooked, { id, patientId: current.patient_id });
    return loadRecall(tx, id, today);
  });
}
