import { requirePermission } from '../access/index.ts';
import { type JournalCursor, journalLinesPage } from '../ledger/index.ts';
import type { Ctx } from '../shared/context.ts';
import { csvLine } from './csv.ts';
import { reportRange } from './report-dates.ts';
import type { JournalExportQuery } from './reports.schemas.ts';

export const JOURNAL_CSV_COLUMNS = [
  'entry_id',
  'posting_date',
  'kind',
  'memo',
  'line',
  'account_code',
  'account_name',
  'debit',
  'credit',
  'source_type',
  'source_id',
  'location_id',
  'location',
] as const;

/** Lines read per statement while exporting. */
const PAGE = 2_000;

/**
 * The general-ledger journal of `from`..`to` for the outside accountant: checks the permission
 * and the range (at most 366 days) at once, then yields the CSV a page of lines at a time (a
 * header row, one row per journal line, money in decimal dollars), so the caller streams it.
 */
export async function journalCsv(ctx: Ctx, q: JournalExportQuery): Promise<{ from: string; to: string; chunks: AsyncGenerator<string> }> {
  requirePermission(ctx, 'report:finance');
  const { from, to } = await reportRange(ctx, q, 30);
  async function* chunks(): AsyncGenerator<string> {
    yield csvLine(JOURNAL_CSV_COLUMNS);
    let after: JournalCursor | null = null;
    do {
      const page = await journalLinesPage(ctx, { from, to, after, limit: PAGE });
      if (page.lines.length)
        yield page.lines
          .map((l) =>
            csvLine([
              l.entryId,
              l.postingDate,
              l.kind,
              l.memo,
              l.lineNumber,
              l.accountCode,
              l.accountName,
              { money: l.debitCents },
              { money: l.creditCents },
              l.sourceType,
              l.sourceId,
              l.locationId,
              l.locationName,
            ]),
          )
          .join('');
      after = page.next;
    } while (after);
  }
  return { from, to, chunks: chunks() };
}
