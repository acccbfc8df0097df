import { mayOpenPatientSql, type PatientAccess, patientAccessMany, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { selectFollowUps, toFollowUp } from './follow-up-row.ts';
import type { FollowUp, FollowUpQuery } from './followups.schemas.ts';
import { decodeCursor, encodeCursor } from './list-cursor.ts';

/**
 * The front desk's follow-up worklist, by due date (oldest first). A restricted patient's
 * follow-up is left out unless the caller may open the record (care team, break-glass grant):
 * a placeholder would still say who needs a visit with whom. Audited as a search, plus a row
 * per patient shown under a break-glass grant.
 */
export async function listFollowUps(ctx: Ctx, q: FollowUpQuery): Promise<{ items: FollowUp[]; nextCursor: string | null }> {
  requirePermission(ctx, 'appointment:read');
  return inTransaction(ctx, async (tx) => {
    const c = decodeCursor(q.cursor);
    let query = selectFollowUps(tx)
      .where('f.status', '=', q.status)
      .where(mayOpenPatientSql(tx, 'p'))
      .orderBy('f.due_date')
      .orderBy('f.id')
      .limit(q.limit + 1);
    if (q.locationId) query = query.where('f.location_id', '=', q.locationId);
    if (q.providerId) query = query.where('f.provider_id', '=', q.providerId);
    if (q.dueBefore) query = query.where('f.due_date', '<', q.dueBefore);
    if (c)
      query = query.where((eb) =>
        eb.or([eb('f.due_date', '>', c.dueDate), eb.and([eb('f.due_date', '=', c.dueDate), eb('f.id', '>', c.id)])]),
      );
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'follow_up',
      details: { status: q.status, count: page.length, ...(q.locationId && { locationId: q.locationId }) },
    });
    await auditGrants(
      tx,
      'follow_up',
      page.map((r) => ({ id: r.patient_id, restricted: r.patient_restricted })),
    );
    const last = page[page.length - 1];
    return { items: page.map(toFollowUp), nextCursor: rows.length > q.limit && last ? encodeCursor(last.due_date, last.id) : null };
  });
}

/** A search row per patient on the page whose record opened under a break-glass grant (flagged with the grant). */
export async function auditGrants(tx: Ctx, resourceType: 'follow_up' | 'recall', patients: { id: string; restricted: boolean }[]) {
  const restricted = patients.filter((p) => p.restricted);
  if (restricted.length === 0) return;
  const access = await patientAccessMany(tx, restricted);
  const underGrant = new Map<string, PatientAccess>();
  for (const a of access.values()) if (a?.breakGlass) underGrant.set(a.patientId, a);
  for (const a of underGrant.values()) await recordAudit(tx, { action: 'search', resourceType, access: a });
}
