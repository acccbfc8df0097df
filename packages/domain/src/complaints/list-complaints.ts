import { complaintPlace } from './complaint-scope.ts';
import { sql } from 'kysely';
import { mayOpenPatientSql, requirePatientAccess, requirePermission, NOBODY, locationsHolding } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { selectComplaints, toComplaint } from './complaint-row.ts';
import { OPEN_COMPLAINT_STATUSES } from './complaints.tables.ts';
import type { Complaint, ComplaintQuery } from './complaints.schemas.ts';

const complaintKeys = keyset('date', 'uuid');

/**
 * The complaints log, newest received first (managers only). Complaints about restricted
 * patients the manager may not open are left out; a manager limited to a location sees that
 * location's. One audit row per page.
 */
export async function listComplaints(ctx: Ctx, q: ComplaintQuery): Promise<{ items: Complaint[]; nextCursor: string | null }> {
  requirePermission(ctx, 'complaint:manage');
  return inTransaction(ctx, async (tx) => {
    const access = q.patientId ? await requirePatientAccess(tx, q.patientId, 'complaint:manage') : undefined;
    const { today } = await complaintPlace(tx, 'complaint:manage', undefined);
    let query = selectComplaints(tx).where(sql<boolean>`(c.patient_id is null or ${mayOpenPatientSql(tx, 'p')})`);
    const readable = locationsHolding(tx, 'complaint:manage', { selectedOnly: true });
    if (readable) query = query.where('c.location_id', 'in', readable.length ? readable : [NOBODY]);
    if (q.status) query = query.where('c.status', '=', q.status);
    if (q.patientId) query = query.where('c.patient_id', '=', q.patientId);
    if (q.overdue) query = query.where('c.status', 'in', [...OPEN_COMPLAINT_STATUSES]).where('c.due_on', '<', today);
    const c = complaintKeys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(c.received_on, c.id) < (${c[0]}::date, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('c.received_on', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = complaintKeys.page(rows, q.limit, (r) => [r.received_on, r.id]);
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'complaint',
      ...(access && { access }),
      details: { count: page.length, ...(q.status && { status: q.status }), ...(q.patientId && { patientId: q.patientId }) },
    });
    return { items: page.map((r) => toComplaint(r, today)), nextCursor };
  });
}
