import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import type { ReasonCodeSet } from './adjustment-reasons.ts';
import type { AdjustmentReasonImportResult } from './adjustment-reasons.schemas.ts';
import { parseReasonCsv } from './reason-texts-csv.ts';

/**
 * Import the office's adjustment reason texts from CSV (`codeSet,code,description`, or
 * `code,description` with `codeSet`), in one transaction: a code the office has a text for takes
 * the file's text, the others are added; codes the file does not name stay. Any bad row answers
 * VALIDATION_FAILED naming each row and column, and nothing changes.
 */
export async function importAdjustmentReasons(ctx: Ctx, csv: string, codeSet?: ReasonCodeSet): Promise<AdjustmentReasonImportResult> {
  requirePermission(ctx, 'claim:settings');
  const rows = parseReasonCsv(csv, codeSet);
  return inTransaction(ctx, async (tx) => {
    const result: AdjustmentReasonImportResult = { imported: 0, updated: 0, errors: [] };
    const by = actorUserId(tx);
    const at = tx.clock.now();
    for (let i = 0; i < rows.length; i += 1000) {
      const chunk = rows.slice(i, i + 1000);
      const { rows: written } = await sql<{ inserted: boolean }>`
        insert into adjustment_reason_texts (organization_id, code_set, code, description, imported_by, imported_at)
        select ${tx.organizationId}::uuid, s, c, d, ${by}::uuid, ${at}::timestamptz
          from unnest(${chunk.map((r) => r.codeSet)}::text[], ${chunk.map((r) => r.code)}::text[], ${chunk.map((r) => r.description)}::text[]) as f (s, c, d)
        on conflict (organization_id, code_set, code)
          do update set description = excluded.description, imported_by = excluded.imported_by, imported_at = excluded.imported_at
        returning (xmax = 0) as inserted`.execute(tx.db);
      for (const w of written) {
        if (w.inserted) result.imported++;
        else result.updated++;
      }
    }
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'adjustment_reasons',
      details: { codeSet: codeSet ?? null, imported: result.imported, updated: result.updated },
    });
    return result;
  });
}
