import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';

/** Mark a received text handled (the desk called back, booked, answered). Again is a no-op. */
export async function markTextHandled(ctx: Ctx, id: string): Promise<void> {
  requirePermission(ctx, 'patient:write');
  if (ctx.actor.kind !== 'user') throw notFound('text');
  const userId = ctx.actor.userId;
  await inTransaction(ctx, async (tx) => {
    const row = await tx.db
      .selectFrom('sms_inbound')
      .select(['id', 'patient_id', 'handled_at'])
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .where('action', '=', 'inbox')
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw notFound('text');
    const access = row.patient_id ? await requirePatientAccess(tx, row.patient_id, 'patient:write') : undefined;
    if (row.handled_at) return;
    const before = { handledAt: null };
    const now = tx.clock.now();
    await tx.db.updateTable('sms_inbound').set({ handled_at: now, handled_by: userId }).where('id', '=', id).execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'sms_inbound',
      resourceId: id,
      ...(access ? { access } : { patientId: null }),
      changes: { handledAt: { before: before.handledAt, after: now.toISOString() } },
    });
  });
}
