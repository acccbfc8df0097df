import { sql } from 'kysely';
import { requirePermission, todayAt } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';
import { PAYABLES_AGING_BUCKETS, type PayablesAging, type PayablesAgingBucket } from './payables.schemas.ts';
import { vendorKeys } from './rows.ts';

type Buckets = Record<PayablesAgingBucket, number>;

/** The bucket of a bill `daysPastDue` days past its due date (0 or less: current). */
export function payablesBucket(daysPastDue: number): PayablesAgingBucket {
  if (daysPastDue <= 0) return 'current';
  if (daysPastDue <= 30) return '1-30';
  if (daysPastDue <= 60) return '31-60';
  if (daysPastDue <= 90) return '61-90';
  return '90+';
}

/** The SQL twin of payablesBucket over `due_date` on `asOf`. */
const bucketSql = (asOf: string) => sql<PayablesAgingBucket>`case
  when ${asOf}::date - b.due_date <= 0 then 'current'
  when ${asOf}::date - b.due_date <= 30 then '1-30'
  when ${asOf}::date - b.due_date <= 60 then '31-60'
  when ${asOf}::date - b.due_date <= 90 then '61-90'
  else '90+' end`;

const empty = (): Buckets => Object.fromEntries(PAYABLES_AGING_BUCKETS.map((b) => [b, 0])) as Buckets;

/**
 * What the practice owes its vendors, by how long past due (current, 1-30, 31-60, 61-90, 90+
 * days), on the practice's calendar day: per vendor by name (keyset paged) and in total. Open
 * amounts of open and partially paid bills; set-based (one grouped query per page, one for the
 * totals).
 */
export async function payablesAging(ctx: Ctx, q: { limit: number; cursor?: string | undefined }): Promise<PayablesAging> {
  requirePermission(ctx, 'payables:read');
  const asOf = await todayAt(ctx);
  const open = (db: Ctx['db']) =>
    db.selectFrom('bills as b').where('b.organization_id', '=', ctx.organizationId).where('b.status', 'in', ['open', 'partially_paid']);
  const perVendor = open(ctx.db)
    .innerJoin('vendors as v', (j) => j.onRef('v.id', '=', 'b.vendor_id').onRef('v.organization_id', '=', 'b.organization_id'))
    .select([
      'v.id as vendor_id',
      'v.name as vendor_name',
      bucketSql(asOf).as('bucket'),
      sql<number>`sum(b.amount_cents - b.paid_cents)::bigint`.as('open_cents'),
      sql<number>`count(*)::int`.as('bills'),
    ])
    .groupBy(['v.id', 'v.name', sql`3`])
    .orderBy('v.name')
    .orderBy('v.id');
  // The page's vendors first (limit + 1 of them), then their buckets.
  const after = vendorKeys.decode(q.cursor);
  const vendorIds = await open(ctx.db)
    .innerJoin('vendors as v', (j) => j.onRef('v.id', '=', 'b.vendor_id').onRef('v.organization_id', '=', 'b.organization_id'))
    .select(['v.id', 'v.name'])
    .distinct()
    .$if(after !== null, (qb) => {
      const [name, id] = after as [string, string];
      return qb.where((eb) => eb.or([eb('v.name', '>', name), eb.and([eb('v.name', '=', name), eb('v.id', '>', id)])]));
    })
    .orderBy('v.name')
    .orderBy('v.id')
    .limit(q.limit + 1)
    .execute();
  const { page, nextCursor } = vendorKeys.page(vendorIds, q.limit, (v) => [v.name, v.id]);
  const rows = page.length
    ? await perVendor
        .where(
          'v.id',
          'in',
          page.map((v) => v.id),
        )
        .execute()
    : [];
  const byVendor = new Map<string, PayablesAging['items'][number]>();
  for (const v of page) byVendor.set(v.id, { vendorId: v.id, vendorName: v.name, buckets: empty(), totalCents: 0, billCount: 0 });
  for (const r of rows) {
    const item = byVendor.get(r.vendor_id);
    if (!item) continue;
    item.buckets[r.bucket] += Number(r.open_cents);
    item.totalCents += Number(r.open_cents);
    item.billCount += Number(r.bills);
  }
  const totalsRows = await open(ctx.db)
    .select([bucketSql(asOf).as('bucket'), sql<number>`sum(b.amount_cents - b.paid_cents)::bigint`.as('open_cents')])
    .groupBy(sql`1`)
    .execute();
  const totals = empty();
  for (const r of totalsRows) totals[r.bucket] += Number(r.open_cents);
  return {
    asOf,
    items: [...byVendor.values()],
    nextCursor,
    totals,
    totalCents: Object.values(totals).reduce((s, c) => s + c, 0),
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  // Quote what needs it; a leading = + - @ could run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(s) && typeof v === 'string' ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};
const dollars = (c: number) => `${c < 0 ? '-' : ''}${Math.floor(Math.abs(c) / 100)}.${String(Math.abs(c) % 100).padStart(2, '0')}`;

/** The aging as CSV (one line per vendor, then the total), at most 10,000 vendors, read 500 at a time. */
export async function payablesAgingCsv(ctx: Ctx): Promise<{ asOf: string; csv: string }> {
  const lines = [['vendor', ...PAYABLES_AGING_BUCKETS, 'total', 'bills'].join(',')];
  let cursor: string | undefined;
  let asOf = '';
  let totals = empty();
  let total = 0;
  for (let page = 0; page < 20; page++) {
    const a = await payablesAging(ctx, { limit: 500, cursor });
    asOf = a.asOf;
    totals = a.totals;
    total = a.totalCents;
    for (const i of a.items)
      lines.push(
        [csvCell(i.vendorName), ...PAYABLES_AGING_BUCKETS.map((b) => dollars(i.buckets[b])), dollars(i.totalCents), i.billCount].join(','),
      );
    if (!a.nextCursor) break;
    cursor = a.nextCursor;
  }
  lines.push(['Total', ...PAYABLES_AGING_BUCKETS.map((b) => dollars(totals[b])), dollars(total), ''].join(','));
  return { asOf, csv: `${lines.join('\r\n')}\r\n` };
}
