import { sql } from 'kysely';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { decodeCursor, encodeCursor, type SummaryRow, summaryQuery, toSummary } from './encounter-summary.ts';
import type { EncounterSummary } from './encounters.schemas.ts';

/** The chart's timeline: a patient's encounters, newest date of service first, with signature state and addenda count. */
export async function listPatientEncounters(
  ctx: Ctx,
  patientId: string,
  page: { limit: number; cursor?: string | undefined },
): Promise<{ items: EncounterSummary[]; nextCursor: string | null }> {
  requirePermission(ctx, 'note:read');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, patientId, 'note:read');
    let query = summaryQuery(tx).where('encounters.patient_id', '=', patientId);
    const after = decodeCursor(page.cursor, 3);
    if (after) {
      const [date, createdAt, id] = after as [string, string, string];
      query = query.where(
        sql<boolean>`(encounters.date_of_service, encounters.created_at, encounters.id) < (${date}::date, ${createdAt}::timestamptz, ${id}::uuid)`,
      );
    }
    const rows = (await query
      .orderBy('encounters.date_of_service', 'desc')
      .orderBy('encounters.created_at', 'desc')
      .orderBy('encounters.id', 'desc')
      .limit(page.limit + 1)
      .execute()) as SummaryRow[];
    const items = rows.slice(0, page.limit);
    const last = items[items.length - 1];
    const nextCursor = rows.length > page.limit && last ? encodeCursor([last.date_of_service, last.created_key, last.id]) : null;
    await recordAudit(tx, {
      action: 'read',
      resourceType: 'patient_encounters',
      resourceId: patientId,
      access,
      details: { count: items.length },
    });
    return { items: items.map(toSummary), nextCursor };
  });
}
