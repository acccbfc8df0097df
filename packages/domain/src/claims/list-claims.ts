import { mayOpenPatientSql, patientAccessMany, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { keyset } from '../shared/cursor.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { selectClaims, toClaimSummary } from './claim-row.ts';
import type { ClaimQuery, ClaimSummary } from './claims.schemas.ts';

const newestFirst = keyset('instant', 'uuid');

/**
 * Claims, newest first, filtered by status, payer, patient and claim number; keyset pages. Restricted patients'
 * claims are left out unless the caller may open the record. Audited: a row per patient on the
 * page, or one search row when the page is empty.
 */
export async function listClaims(ctx: Ctx, q: ClaimQuery): Promise<{ items: ClaimSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  return inTransaction(ctx, async (tx) => {
    const c = newestFirst.decode(q.cursor);
    let query = selectClaims(tx)
      .where(mayOpenPatientSql(tx, 'p'))
      .orderBy('c.created_at', 'desc')
      .orderBy('c.id', 'desc')
      .limit(q.limit + 1);
    if (q.status) query = query.where('c.status', '=', q.status);
    if (q.payerId) query = query.where('c.payer_id', '=', q.payerId);
    if (q.patientId) query = query.where('c.patient_id', '=', q.patientId);
    if (q.patientControlNumber) query = query.where('c.patient_control_number', '=', q.patientControlNumber);
    if (c)
      query = query.where((eb) => eb.or([eb('c.created_at', '<', c[0]), eb.and([eb('c.created_at', '=', c[0]), eb('c.id', '<', c[1])])]));
    const { page, nextCursor } = newestFirst.page(await query.execute(), q.limit, (r) => [r.created_at, r.id]);
    const filters = { ...(q.status && { status: q.status }) };
    const perPatient = new Map<string, { restricted: boolean; count: number }>();
    for (const r of page) {
      const seen = perPatient.get(r.patient_id);
      perPatient.set(r.patient_id, { restricted: r.patient_restricted, count: (seen?.count ?? 0) + 1 });
    }
    if (perPatient.size === 0) await recordAudit(tx, { action: 'search', resourceType: 'claim', details: { count: 0, ...filters } });
    const access = await patientAccessMany(
      tx,
      [...perPatient].filter(([, v]) => v.restricted).map(([id]) => ({ id, restricted: true })),
    );
    for (const [patientId, v] of perPatient)
      await recordAudit(tx, {
        action: 'search',
        resourceType: 'claim',
        access: access.get(patientId) ?? { patientId, breakGlass: false },
        details: { count: v.count, ...filters },
      });
    return { items: page.map(toClaimSummary), nextCursor };
  });
}
