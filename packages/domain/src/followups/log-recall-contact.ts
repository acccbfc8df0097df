import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import type { Recall, RecallContact, RecallContactInput } from './followups.schemas.ts';
import { recallBooked } from './recall-events.ts';
import { loadRecall, lockRecall, toContact } from './recall-row.ts';

/**
 * Log an attempt to reach the patient about a recall (append-only). The recall becomes
 * `contacted`, or `booked` when the outcome is a booking (and stays booked once booked).
 * 409 CONFLICT on a closed recall. Becoming booked emits `recall.booked`.
 */
export async function logRecallContact(
  ctx: Ctx,
  id: string,
  input: RecallContactInput,
): Promise<{ contact: RecallContact; recall: Recall }> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockRecall(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    if (current.status === 'closed') throw new AppError('CONFLICT', 'the recall is closed');
    const now = tx.clock.now();
    const contactedAt = input.contactedAt ? new Date(input.contactedAt) : now;
    if (contactedAt.getTime() > now.getTime() + 60_000) throw invalid('contactedAt', 'must not be in the future');
    const row = await tx.db
      .insertInto('recall_contacts')
      .values({
        organization_id: tx.organizationId,
        recall_id: id,
        contacted_at: contactedAt,
        user_id: actorUserId(tx),
        method: input.method,
        outcome: input.outcome,
        note: input.note,
        created_at: now,
      })
      .returning(['id', 'recall_id', 'contacted_at', 'user_id', 'method', 'outcome', 'note'])
      .executeTakeFirstOrThrow();
    const status = current.status === 'booked' || input.outcome === 'booked' ? 'booked' : 'contacted';
    await tx.db
      .updateTable('recalls')
      .set({ status, version: current.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'recall_contact',
      resourceId: row.id,
      access,
      details: { recallId: id, method: input.method, outcome: input.outcome },
    });
    if (status === 'booked' && current.status !== 'booked') await emit(tx, recallBooked, { id, patientId: current.patient_id });
    const displayName = tx.actor.kind === 'user' ? tx.actor.displayName : null;
    return { contact: toContact({ ...row, display_name: displayName }), recall: await loadRecall(tx, id, await todayAt(tx)) };
  });
}
