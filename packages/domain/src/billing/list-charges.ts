import { mayOpenPatientSql, patientAccessMany, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { keyset } from '../shared/cursor.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Charge, ChargeQuery } from './billing.schemas.ts';
import { selectCharges, toCharge } from './charge-row.ts';

const byVisitLine = keyset('date', 'uuid', 'int');

/**
 * Charges by date of service (oldest first; an encounter's lines together, in order), for the review queue and for claims: filters by
 * encounter, patient, status and dates of service. A restricted patient's charges are left out
 * unless the caller may open the record. Charges are patient financial data: one audit row per
 * patient on the page (marked when shown under a break-glass grant), or one search row when the
 * page is empty.
 */
export async function listCharges(ctx: Ctx, q: ChargeQuery): Promise<{ items: Charge[]; nextCursor: string | null }> {
  requirePermission(ctx, 'claim:read');
  return inTransaction(ctx, async (tx) => {
    const c = byVisitLine.decode(q.cursor);
    let query = selectCharges(tx)
      .where(mayOpenPatientSql(tx, 'p'))
      .orderBy('c.date_of_service')
      .orderBy('c.encounter_id')
      .orderBy('c.line')
      .limit(q.limit + 1);
    if (q.encounterId) query = query.where('c.encounter_id', '=', q.encounterId);
    if (q.patientId) query = query.where('c.patient_id', '=', q.patientId);
    if (q.status) query = query.where('c.status', '=', q.status);
    if (q.from) query = query.where('c.date_of_service', '>=', q.from);
    if (q.to) query = query.where('c.date_of_service', '<=', q.to);
    if (c)
      query = query.where((eb) =>
        eb.or([
          eb('c.date_of_service', '>', c[0]),
          eb.and([eb('c.date_of_service', '=', c[0]), eb('c.encounter_id', '>', c[1])]),
          eb.and([eb('c.date_of_service', '=', c[0]), eb('c.encounter_id', '=', c[1]), eb('c.line', '>', c[2])]),
        ]),
      );
    const { page, nextCursor } = byVisitLine.page(await query.execute(), q.limit, (r) => [r.date_of_service, r.encounter_id, r.line]);
    const filters = {
      ...(q.status && { status: q.status }),
      ...(q.encounterId && { encounterId: q.encounterId }),
      ...(q.from && { from: q.from }),
      ...(q.to && { to: q.to }),
    };
    const perPatient = new Map<string, { restricted: boolean; count: number }>();
    for (const r of page) {
      const seen = perPatient.get(r.patient_id);
      perPatient.set(r.patient_id, { restricted: r.patient_restricted, count: (seen?.count ?? 0) + 1 });
    }
    if (perPatient.size === 0) await recordAudit(tx, { action: 'search', resourceType: 'charge', details: { count: 0, ...filters } });
    const access = await patientAccessMany(
      tx,
      [...perPatient].filter(([, v]) => v.restricted).map(([id]) => ({ id, restricted: true })),
    );
    for (const [patientId, v] of perPatient) {
      const a = access.get(patientId);
      await recordAudit(tx, {
        action: 'search',
        resourceType: 'charge',
        access: a ?? { patientId, breakGlass: false },
        details: { count: v.count, ...filters },
      });
    }
    return { items: page.map(toCharge), nextCursor };
  });
}
