import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, type FieldError } from '../shared/errors.ts';
import type { FeeImportResult } from './billing.schemas.ts';
import { type FeeEntryRow, refuseOverlapAtCommit, requirePayer, selectSchedule } from './fee-entry-row.ts';
import { fileProblems, parseFeeCsv } from './fee-schedule-csv.ts';

/**
 * Import a fee schedule (the standard one, or `payerId`'s contract) from CSV, in one
 * transaction: an entry is named by code, modifier and first day; a listed one takes the file's
 * amount and last day, the others are added; entries the file does not name stay. Dates that
 * would overlap (in the file, or with an entry it leaves) are bad rows: any bad row answers
 * VALIDATION_FAILED naming each row and column, and nothing changes.
 */
export async function importFeeSchedule(ctx: Ctx, payerId: string | null, csv: string): Promise<FeeImportResult> {
  requirePermission(ctx, 'fee-schedule:manage');
  const rows = parseFeeCsv(csv);
  const work = inTransaction(ctx, async (tx) => {
    await requirePayer(tx, payerId);
    const existing = await selectSchedule(tx, payerId).forUpdate().execute();
    const byKey = new Map(existing.map((e) => [`${e.code}|${e.modifier}|${e.effective_from}`, e]));
    // The schedule as it would be, per code and modifier, to find overlaps before writing.
    type Span = { from: string; to: string | null; row: number | null };
    const spans = new Map<string, Span[]>();
    const add = (code: string, modifier: string, s: Span) =>
      spans.set(`${code}|${modifier}`, [...(spans.get(`${code}|${modifier}`) ?? []), s]);
    const named = new Set(rows.map((r) => `${r.code}|${r.modifier}|${r.effectiveFrom}`));
    for (const e of existing)
      if (!named.has(`${e.code}|${e.modifier}|${e.effective_from}`))
        add(e.code, e.modifier, { from: e.effective_from, to: e.effective_to, row: null });
    for (const r of rows) add(r.code, r.modifier, { from: r.effectiveFrom, to: r.effectiveTo, row: r.row });
    const errors: FieldError[] = [];
    for (const [key, list] of spans) {
      list.sort((a, b) => (a.from < b.from ? -1 : 1));
      for (let i = 1; i < list.length; i++) {
        const prev = list[i - 1] as Span;
        const cur = list[i] as Span;
        if (prev.to !== null && prev.to < cur.from) continue;
        const bad = cur.row ?? prev.row;
        const other = cur.row === null || prev.row === null ? 'an entry already in the schedule' : `row ${prev.row}`;
        if (bad !== null)
          errors.push({
            path: `rows.${bad}.effective_from`,
            message: `Row ${bad}, effective_from: ${key.replace('|', ' ').trim()} overlaps ${other} (from ${prev.from}${prev.to ? ` to ${prev.to}` : ''}).`,
          });
      }
    }
    if (errors.length) throw fileProblems(errors.sort((a, b) => rowOf(a) - rowOf(b)));

    const result: FeeImportResult = { created: 0, updated: 0, unchanged: 0 };
    const fresh = rows.filter((r) => !byKey.has(`${r.code}|${r.modifier}|${r.effectiveFrom}`));
    const changed: { cur: FeeEntryRow; amount: number; to: string | null }[] = [];
    for (const r of rows) {
      const cur = byKey.get(`${r.code}|${r.modifier}|${r.effectiveFrom}`);
      if (!cur) continue;
      if (Number(cur.amount_cents) === r.amountCents && cur.effective_to === r.effectiveTo) result.unchanged++;
      else changed.push({ cur, amount: r.amountCents, to: r.effectiveTo });
    }
    // Checked above as a whole; the database checks the end state again at commit.
    await sql`set constraints fee_schedule_entries_no_overlap deferred`.execute(tx.db);
    for (const c of changed) {
      await tx.db
        .updateTable('fee_schedule_entries')
        .set({ amount_cents: c.amount, effective_to: c.to, version: c.cur.version + 1, updated_at: tx.clock.now() })
        .where('id', '=', c.cur.id)
        .where('organization_id', '=', tx.organizationId)
        .execute();
    }
    result.updated = changed.length;
    for (let i = 0; i < fresh.length; i += 1000) {
      await tx.db
        .insertInto('fee_schedule_entries')
        .values(
          fresh.slice(i, i + 1000).map((r) => ({
            organization_id: tx.organizationId,
            payer_id: payerId,
            code: r.code,
            modifier: r.modifier,
            amount_cents: r.amountCents,
            effective_from: r.effectiveFrom,
            effective_to: r.effectiveTo,
            created_by: actorUserId(tx),
            created_at: tx.clock.now(),
            updated_at: tx.clock.now(),
          })),
        )
        .execute();
    }
    result.created = fresh.length;
    await recordAudit(tx, { action: 'update', resourceType: 'fee_schedule', resourceId: payerId, details: { payerId, ...result } });
    return result;
  });
  // A single entry added at the same moment as the import may overlap a row only at commit.
  const message = 'an entry added at the same moment overlaps dates in the file; nothing was imported, import it again';
  return refuseOverlapAtCommit(work, () => new AppError('CONFLICT', message, { errors: [{ path: 'effective_from', message }] }));
}

const rowOf = (e: FieldError) => Number(e.path.split('.')[1]);
