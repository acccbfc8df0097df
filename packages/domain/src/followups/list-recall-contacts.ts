import { requirePatientAccess, requirePermission, todayAt } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Recall, RecallContact } from './followups.schemas.ts';
import { loadRecall, toContact } from './recall-row.ts';
import { recordAudit } from '../audit/index.ts';

/** A recall's whole contact log, newest first (GET /api/recalls/{id}/contacts), with the recall itself (its version for If-Match). */
export async function listRecallContacts(ctx: Ctx, id: string): Promise<{ recall: Recall; items: RecallContact[] }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const owner = await tx.db
      .selectFrom('recalls')
      .select('patient_id')
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!owner) throw notFound('recall');
    const access = await requirePatientAccess(tx, owner.patient_id, 'appointment:read');
    const rows = await tx.db
      .selectFrom('recall_contacts as c')
      .leftJoin('staff_directory as s', 's.id', 'c.user_id')
      .select(['c.id', 'c.recall_id', 'c.contacted_at', 'c.user_id', 's.display_name', 'c.method', 'c.outcome', 'c.note'])
      .where('c.recall_id', '=', id)
      .where('c.organization_id', '=', tx.organizationId)
      .orderBy('c.contacted_at', 'desc')
      .orderBy('c.id', 'desc')
      .execute();
    await recordAudit(tx, { action: 'read', resourceType: 'recall', resourceId: id, access, details: { contacts: rows.length } });
    return { recall: await loadRecall(tx, id, await todayAt(tx)), items: rows.map(toContact) };
  });
}
