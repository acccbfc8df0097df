import { sql } from 'kysely';
import pg from 'pg';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { inTransaction, type Ctx } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import { type PatientMerge, patientMerging } from './merge-hooks.ts';
import { planMerge } from './merge-plan.ts';
import { toPatient } from './patient-row.ts';
import type { Patient } from './patients.schemas.ts';

/** Every single foreign-key column that points at patients.id, outside append-only tables (the audit trail keeps history). */
export async function referencingColumns(tx: Ctx): Promise<{ table: string; column: string }[]> {
  const r = await sql<{ table: string; column: string }>`
    select cl.relname as table, a.attname as column
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_namespace n on n.oid = cl.relnamespace
      cross join lateral unnest(c.conkey, c.confkey) as k(src, dst)
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.src
      join pg_attribute t on t.attrelid = c.confrelid and t.attnum = k.dst
     where c.contype = 'f' and c.confrelid = 'patients'::regclass and t.attname = 'id'
       and n.nspname = current_schema()
       and coalesce(obj_description(cl.oid, 'pg_class'), '') not like 'append-only%'
     order by 1, 2`.execute(tx.db);
  return r.rows;
}

/** Re-point the `move` columns; `keep` columns stay with the merged record. */
async function moveColumns(tx: Ctx, m: PatientMerge, columns: readonly string[]): Promise<Record<string, number>> {
  const moved: Record<string, number> = {};
  for (const key of columns) {
    const [table, column] = key.split('.') as [string, string];
    const t = pg.escapeIdentifier(table);
    const c = pg.escapeIdentifier(column);
    const r = await sql`update ${sql.raw(t)} set ${sql.raw(c)} = ${m.survivorId} where ${sql.raw(c)} = ${m.mergedId}`.execute(tx.db);
    const n = Number(r.numAffectedRows ?? 0);
    if (n) moved[key] = n;
  }
  return moved;
}

/** Rows of `refuse` columns that point at either record stop the merge (nothing has changed yet). */
async function refusing(tx: Ctx, m: PatientMerge, columns: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const key of columns) {
    const [table, column] = key.split('.') as [string, string];
    const r =
      await sql`select 1 from ${sql.raw(pg.escapeIdentifier(table))} where ${sql.raw(pg.escapeIdentifier(column))} = ${m.mergedId} limit 1`.execute(
        tx.db,
      );
    if (r.rows.length) found.push(key);
  }
  return found;
}

/**
 * Merge a duplicate into the surviving record: linked records follow their owners'
 * merge policies (reactions to patient.merging first, then `move` columns re-pointed,
 * `keep` columns left, and `refuse` columns with rows stopping the merge before anything
 * changes); the merged record stays as a tombstone pointing at the survivor, both audited
 * with what moved and what was kept.
 */
export async function mergePatients(ctx: Ctx, m: PatientMerge): Promise<Patient> {
  requirePermission(ctx, 'patient:merge');
  if (m.survivorId === m.mergedId) throw invalid('mergedId', 'a patient cannot be merged into itself');
  const survivorAccess = await requirePatientAccess(ctx, m.survivorId, 'patient:merge');
  const mergedAccess = await requirePatientAccess(ctx, m.mergedId, 'patient:merge');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('patients')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('id', 'in', [m.survivorId, m.mergedId])
      .orderBy('id')
      .forUpdate()
      .execute();
    const survivor = rows.find((r) => r.id === m.survivorId);
    const merged = rows.find((r) => r.id === m.mergedId);
    if (!survivor || !merged) throw new AppError('NOT_FOUND', 'patient not found');
    if (survivor.status === 'merged' || merged.status === 'merged') {
      throw new AppError('CONFLICT', 'one of these records is already merged', {
        extra: { mergedIntoId: survivor.merged_into_id ?? merged.merged_into_id },
      });
    }
    const { mergePolicies } = await import('../modules.ts');
    const plan = planMerge(
      (await referencingColumns(tx)).map((c) => `${c.table}.${c.column}`),
      mergePolicies(),
    );
    if (plan.undeclared.length) throw new Error(`no merge policy declared for ${plan.undeclared.join(', ')}`);
    const blocking = await refusing(tx, m, plan.refuse);
    if (blocking.length) {
      throw new AppError('CONFLICT', `the record to merge has records that cannot move (${blocking.join(', ')})`, {
        extra: { refusedBy: blocking },
      });
    }
    const moved: Record<string, number> = {};
    for (const r of await emit(tx, patientMerging, m)) {
      if (typeof r.result === 'number' && r.result > 0) moved[r.reaction] = r.result;
    }
    // The survivor must not end up as its own guarantor.
    if (survivor.guarantor_patient_id === m.mergedId) {
      await tx.db
        .updateTable('patients')
        .set({ guarantor_kind: 'self', guarantor_patient_id: null })
        .where('id', '=', m.survivorId)
        .execute();
    }
    Object.assign(moved, await moveColumns(tx, m, plan.move));
    const now = tx.clock.now();
    await tx.db
      .updateTable('patients')
      .set({ status: 'merged', merged_into_id: m.survivorId, merged_at: now, version: merged.version + 1, updated_at: now })
      .where('id', '=', m.mergedId)
      .execute();
    // The survivor keeps its demographics; it gains the other record's alerts, phones and privacy flag.
    const alerts = [...new Set([...(survivor.alerts ?? []), ...(merged.alerts ?? [])])];
    const phones = [...(survivor.phones ?? [])];
    for (const p of merged.phones ?? []) if (!phones.some((x) => x.number === p.number)) phones.push(p);
    const row = await tx.db
      .updateTable('patients')
      .set({
        alerts: JSON.stringify(alerts),
        phones: JSON.stringify(phones.slice(0, 6)),
        restricted: survivor.restricted || merged.restricted,
        version: survivor.version + 1,
        updated_at: now,
      })
      .where('id', '=', m.survivorId)
      .returningAll()
      .executeTakeFirstOrThrow();
    const details = {
      survivorId: m.survivorId,
      survivorMrn: survivor.mrn,
      mergedId: m.mergedId,
      mergedMrn: merged.mrn,
      moved,
      ...(plan.keep.length ? { keptWithMerged: plan.keep } : {}),
    };
    await recordAudit(tx, {
      action: 'merge',
      resourceType: 'patient',
      resourceId: m.survivorId,
      patientId: m.survivorId,
      breakGlass: survivorAccess.breakGlass,
      details,
    });
    await recordAudit(tx, {
      action: 'merge',
      resourceType: 'patient',
      resourceId: m.mergedId,
      patientId: m.mergedId,
      breakGlass: mergedAccess.breakGlass,
      details,
    });
    return toPatient(row);
  });
}
