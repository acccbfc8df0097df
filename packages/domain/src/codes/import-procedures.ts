import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { ProcedureImportResult } from './codes.schemas.ts';
import { parseProcedureCsv } from './procedures-csv.ts';

/**
 * Import the procedure list from CSV (procedures-csv.ts): upsert by code, in one transaction.
 * A code already listed takes the file's description, fee and units and is active again; codes
 * the file does not name stay as they are. Any bad row: VALIDATION_FAILED naming every bad row
 * and column, and nothing changes.
 */
export async function importProcedures(ctx: Ctx, csv: string): Promise<ProcedureImportResult> {
  requirePermission(ctx, 'procedure:manage');
  const rows = parseProcedureCsv(csv);
  return inTransaction(ctx, async (tx) => {
    const existing = new Map(
      (await tx.db.selectFrom('procedures').selectAll().where('organization_id', '=', tx.organizationId).forUpdate().execute()).map((r) => [
        r.code,
        r,
      ]),
    );
    const result: ProcedureImportResult = { created: 0, updated: 0, unchanged: 0 };
    const fresh = rows.filter((r) => !existing.has(r.code));
    if (fresh.length) {
      await tx.db
        .insertInto('procedures')
        .values(
          fresh.map((r) => ({
            organization_id: tx.organizationId,
            code: r.code,
            description: r.description,
            default_fee_cents: r.defaultFeeCents,
            takes_units: r.takesUnits,
          })),
        )
        .execute();
      result.created = fresh.length;
    }
    for (const r of rows) {
      const cur = existing.get(r.code);
      if (!cur) continue;
      if (
        cur.description === r.description &&
        Number(cur.default_fee_cents) === r.defaultFeeCents &&
        cur.takes_units === r.takesUnits &&
        cur.active
      ) {
        result.unchanged++;
        continue;
      }
      await tx.db
        .updateTable('procedures')
        .set({
          description: r.description,
          default_fee_cents: r.defaultFeeCents,
          takes_units: r.takesUnits,
          active: true,
          version: cur.version + 1,
          updated_at: tx.clock.now(),
        })
        .where('id', '=', cur.id)
        .where('organization_id', '=', tx.organizationId)
        .execute();
      result.updated++;
    }
    await recordAudit(tx, { action: 'update', resourceType: 'procedure_list', resourceId: null, details: { ...result } });
    return result;
  });
}
