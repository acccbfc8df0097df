/**
 * What a recall campaign needs of recalls (the campaigns module reads them only through these):
 * the open recalls a campaign's selection matches, and the statuses of recalls it holds.
 */
import { sql } from 'kysely';
import { mayOpenPatientSql } from '../access/index.ts';
import type { Ctx, Db } from '../shared/context.ts';
import type { RecallStatus, RecallType } from './followups.tables.ts';

export interface RecallSelection {
  recallTypes: readonly RecallType[];
  dueOnOrBefore: string;
  providerId?: string | null;
  /** Leave out these recalls (those already in another campaign that was not stopped). */
  excludeIds?: readonly string[];
}

export interface SelectedRecall {
  id: string;
  patientId: string;
  recallType: RecallType;
  dueDate: string;
  /** The patient's record is restricted (the caller may open it: it would be left out otherwise). */
  restricted: boolean;
}

/**
 * Open recalls (due or contacted) matching the selection, oldest due first, at most `limit`, of
 * patients the caller may open (a restricted record the caller may not open is left out).
 */
export async function openRecallsMatching(tx: Ctx, s: RecallSelection, limit: number): Promise<SelectedRecall[]> {
  let q = tx.db
    .selectFrom('recalls as r')
    .innerJoin('patient_names as p', 'p.id', 'r.patient_id')
    .select(['r.id', 'r.patient_id', 'r.recall_type', 'r.due_date', 'p.restricted'])
    .where('r.organization_id', '=', tx.organizationId)
    .where('r.status', 'in', ['due', 'contacted'])
    .where('r.recall_type', 'in', [...s.recallTypes])
    .where('r.due_date', '<=', s.dueOnOrBefore)
    .where(mayOpenPatientSql(tx, 'p'))
    .orderBy('r.due_date')
    .orderBy('r.id')
    .limit(limit);
  if (s.providerId) q = q.where('r.provider_id', '=', s.providerId);
  if (s.excludeIds?.length) q = q.where(sql<boolean>`r.id <> all(${[...s.excludeIds]}::uuid[])`);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, patientId: r.patient_id, recallType: r.recall_type, dueDate: r.due_date, restricted: r.restricted }));
}

/** The status of each of these recalls of the organization (unknown ids are left out). */
export async function recallStatuses(db: Db, organizationId: string, ids: readonly string[]): Promise<Map<string, RecallStatus>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('recalls')
    .select(['id', 'status'])
    .where('organization_id', '=', organizationId)
    .where('id', 'in', [...ids])
    .execute();
  return new Map(rows.map((r) => [r.id, r.status]));
}
