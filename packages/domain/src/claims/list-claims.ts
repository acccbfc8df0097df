import { mayOpenPatientSql, patientAccessMany, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { selectClaims, toClaimSummary } from './claim-row.ts';
import type { ClaimQuery, ClaimSummary } from './claims.schemas.ts';

/**
 * Claims, newest first, filtered by status, payer, patient and claim number; keyset pages. Restricted patients'
 * claims are left out unless the caller may open the record. Audited: a row per patient on the
 * page, or one search row when the page is empty.
 */
export async function listClaims(ctx: Ctx, q: ClaimQuery): Promise<{ items: ClaimSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  return inTransaction(ctx, async (tx) => {
    const c = decodeCursor(q.cursor);
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
      query = query.where((eb) => eb.or([eb('c.created_at', '<', c.at), eb.and([eb('c.created_at', '=', c.at), eb('c.id', '<', c.id)])]));
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
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
    const last = page[page.length - 1];
    return {
      items: page.map(toClaimSummary),
      nextCursor: rows.length > q.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
    };
  });
}

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | null {
  if (!cursor) return null;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const when = new Date(at ?? '');
  if (!id || !/^[0-9a-f-]{36}$/i.test(id) || Number.isNaN(when.getTime())) throw invalid('cursor', 'not a cursor from this list');
  return { at: when, id };
}
