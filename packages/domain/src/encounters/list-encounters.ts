import { sql } from 'kysely';
import { mayOpenPatientSql, patientAccessMany, requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { decodeCursor, encodeCursor, type SummaryRow, summaryQuery, toSummary } from './encounter-summary.ts';
import type { EncounterListQuery, EncounterSummary } from './encounters.schemas.ts';

/**
 * Encounters by appointment, patient, provider and status, newest first: the encounter of a
 * visit (the flow board opens it), a provider's unsigned notes, notes awaiting co-signature.
 * Restricted patients' encounters appear only to their care team (or under break-glass, which
 * the audit marks).
 */
export async function listEncounters(ctx: Ctx, q: EncounterListQuery): Promise<{ items: EncounterSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'note:read');
  return inTransaction(ctx, async (tx) => {
    if (q.patientId) await requirePatientAccess(tx, q.patientId, 'note:read');
    let query = summaryQuery(tx).where(mayOpenPatientSql(tx, 'pn'));
    if (q.appointmentId) query = query.where('encounters.appointment_id', '=', q.appointmentId);
    if (q.patientId) query = query.where('encounters.patient_id', '=', q.patientId);
    if (q.providerId) query = query.where('encounters.provider_id', '=', q.providerId);
    if (q.status === 'awaiting_cosignature') {
      query = query.where('encounters.cosign_required', '=', true).where('encounters.cosigned_at', 'is', null);
    } else if (q.status) {
      query = query.where('encounters.status', '=', q.status);
    }
    const after = decodeCursor(q.cursor, 2);
    if (after) {
      const [createdAt, id] = after as [string, string];
      query = query.where(sql<boolean>`(encounters.created_at, encounters.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
    }
    const rows = (await query
      .orderBy('encounters.created_at', 'desc')
      .orderBy('encounters.id', 'desc')
      .limit(q.limit + 1)
      .execute()) as SummaryRow[];
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    const nextCursor = rows.length > q.limit && last ? encodeCursor([last.created_key, last.id]) : null;
    const access = await patientAccessMany(
      tx,
      page.map((r) => ({ id: r.patient_id, restricted: r.restricted })),
    );
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'encounter',
      details: {
        count: page.length,
        patientIds: [...new Set(page.map((r) => r.patient_id))],
        ...(q.appointmentId && { appointmentId: q.appointmentId }),
        ...(q.providerId && { providerId: q.providerId }),
        ...(q.status && { status: q.status }),
      },
    });
    // A row shown under a break-glass grant is marked on its own audit row.
    for (const a of access.values()) {
      if (a?.breakGlass) await recordAudit(tx, { action: 'search', resourceType: 'encounter', access: a });
    }
    return { items: page.map(toSummary), nextCursor };
  });
}
