import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

export interface JournalExportLine {
  entryId: string;
  postingDate: string;
  kind: string;
  memo: string;
  accountCode: string;
  accountName: string;
  debitCents: number;
  creditCents: number;
  sourceType: string;
  sourceId: string;
  locationId: string | null;
  locationName: string | null;
  lineNumber: number;
}

/** Where the previous page ended: the entry's place in date order, then the line. */
export interface JournalCursor {
  postingDate: string;
  postedAt: string;
  entryId: string;
  /** The last line read of that entry; null: the entry is done, the next page starts after it. */
  lineNumber: number | null;
}

const ENTRIES_PER_PAGE = 500;

/**
 * One page of the journal's lines for `from`..`to` (inclusive posting dates), in posting order
 * (posting date, posting time, entry) and line order, at most `limit` lines: two keyset
 * statements, the entries over their date index, then the lines of those entries by their key.
 * An exporter calls it until `next` is null, so a year's journal never sits in memory at once,
 * and an entry of a million lines is read a page at a time.
 */
export async function journalLinesPage(
  ctx: Ctx,
  q: { from: string; to: string; after?: JournalCursor | null; limit?: number },
): Promise<{ lines: JournalExportLine[]; next: JournalCursor | null }> {
  const limit = Math.min(Math.max(q.limit ?? 2000, 1), 10_000);
  const after = q.after ?? null;
  // The entries whose lines may come next: the cursor's own entry (its remaining lines) and those after it.
  const entries = await sql<{ id: string; posting_date: string; posted_at: string }>`
    select id, posting_date::text as posting_date, to_char(posted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as posted_at
    from journal_entries
    where organization_id = ${ctx.organizationId}
      and posting_date between ${q.from}::date and ${q.to}::date
      ${after ? sql`and (posting_date, posted_at, id) ${after.lineNumber === null ? sql`>` : sql`>=`} (${after.postingDate}::date, ${after.postedAt}::timestamp at time zone 'UTC', ${after.entryId}::uuid)` : sql``}
    order by posting_date, posted_at, id
    limit ${ENTRIES_PER_PAGE}
  `.execute(ctx.db);
  if (!entries.rows.length) return { lines: [], next: null };
  const ids = entries.rows.map((e) => e.id);
  const firstLine = after && after.lineNumber !== null && entries.rows[0]?.id === after.entryId ? after.lineNumber : 0;
  const rows = await sql<{
    entry_id: string;
    ord: number;
    line_number: number;
    account_code: string;
    account_name: string;
    debit_cents: string;
    credit_cents: string;
    kind: string;
    memo: string;
    source_type: string;
    source_id: string;
    location_id: string | null;
    location_name: string | null;
  }>`
    select l.entry_id, p.ord::int as ord, l.line_number, l.account_code, a.name as account_name,
      l.debit_cents::text as debit_cents, l.credit_cents::text as credit_cents,
      e.kind, e.memo, e.source_type, e.source_id, e.location_id, loc.name as location_name
    from unnest(${ids}::uuid[]) with ordinality as p(id, ord)
    join journal_lines l on l.entry_id = p.id and l.organization_id = ${ctx.organizationId}
    join journal_entries e on e.organization_id = l.organization_id and e.id = l.entry_id
    join ledger_accounts a on a.organization_id = l.organization_id and a.code = l.account_code
    left join location_directory loc on loc.organization_id = e.organization_id and loc.id = e.location_id
    where (p.ord, l.line_number) > (1, ${firstLine}::int)
    order by p.ord, l.line_number
    limit ${limit}
  `.execute(ctx.db);
  const byId = new Map(entries.rows.map((e) => [e.id, e]));
  const lines = rows.rows.map((r) => ({
    entryId: r.entry_id,
    postingDate: byId.get(r.entry_id)?.posting_date ?? '',
    kind: r.kind,
    memo: r.memo,
    accountCode: r.account_code,
    accountName: r.account_name,
    debitCents: Number(r.debit_cents),
    creditCents: Number(r.credit_cents),
    sourceType: r.source_type,
    sourceId: r.source_id,
    locationId: r.location_id,
    locationName: r.location_name,
    lineNumber: r.line_number,
  }));
  const last = rows.rows[rows.rows.length - 1];
  const lastEntry = last ? byId.get(last.entry_id) : undefined;
  if (last && lastEntry && rows.rows.length === limit)
    return {
      lines,
      next: { postingDate: lastEntry.posting_date, postedAt: lastEntry.posted_at, entryId: last.entry_id, lineNumber: last.line_number },
    };
  // Fewer than a full page: this batch of entries is done; the next batch starts after its last entry.
  const tail = entries.rows[entries.rows.length - 1];
  if (entries.rows.length < ENTRIES_PER_PAGE || !tail) return { lines, next: null };
  return { lines, next: { postingDate: tail.posting_date, postedAt: tail.posted_at, entryId: tail.id, lineNumber: null } };
}
