import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { loadFollowUp, lockFollowUp } from './follow-up-row.ts';
import type { CloseFollowUpInput, FollowUp } from './followups.schemas.ts';

/** Take a follow-up off the worklist without booking it (the patient declined, moved away, was seen elsewhere). */
export async function closeFollowUp(ctx: Ctx, id: string, input: CloseFollowUpInput): Promise<FollowUp> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const current = await lockFollowUp(tx, id);
    const access = await requirePatientAccess(tx, current.patient_id, 'appointment:write');
    if (current.status !== 'open') throw new AppError('CONFLICT', `the follow-up is ${current.status}`);
    await tx.db
      .updateTable('follow_ups')
      .set({
        status: 'closed',
        closed_reason: input.reason,
        closed_at: tx.clock.now(),
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'follow_up',
      resourceId: id,
      access,
      changes: { status: { before: 'open', after: 'closed' } },
      details: { reason: input.reason },
    });
    return loadFollowUp(tx, id);
  });
}
