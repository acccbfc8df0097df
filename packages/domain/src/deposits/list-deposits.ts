import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { Deposit, UndepositedPayment } from './deposits.schemas.ts';
import { requireAtLocation } from './location-scope.ts';
import { depositables } from './undeposited.ts';

function selectDeposits(tx: Ctx) {
  return tx.db
    .selectFrom('deposits as d')
    .leftJoin('staff_directory as s', (j) => j.onRef('s.id', '=', 'd.deposited_by').onRef('s.organization_id', '=', 'd.organization_id'))
    .select([
      'd.id',
      'd.location_id',
      'd.deposit_date',
      'd.cash_cents',
      'd.check_cents',
      'd.card_cents',
      'd.total_cents',
      'd.payment_count',
      'd.bank_reference',
      'd.created_at',
      's.display_name as deposited_by_name',
    ])
    .where('d.organization_id', '=', tx.organizationId);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectDeposits>['executeTakeFirstOrThrow']>>;

const publicDeposit = (r: Row): Deposit => ({
  id: r.id,
  locationId: r.location_id,
  depositDate: r.deposit_date,
  cashCents: Number(r.cash_cents),
  checkCents: Number(r.check_cents),
  cardCents: Number(r.card_cents),
  totalCents: Number(r.total_cents),
  paymentCount: r.payment_count,
  bankReference: r.bank_reference,
  depositedBy: r.deposited_by_name,
  createdAt: r.created_at.toISOString(),
});

export async function loadDeposit(tx: Ctx, id: string): Promise<Deposit> {
  return publicDeposit(await selectDeposits(tx).where('d.id', '=', id).executeTakeFirstOrThrow());
}

/** A location's deposits, newest first (keyset on day, time and id). */
export async function listDeposits(
  ctx: Ctx,
  q: { locationId: string; limit: number; cursor?: string | undefined },
): Promise<{ items: Deposit[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    await requireAtLocation(tx, 'day:read', q.locationId);
    let query = selectDeposits(tx)
      .where('d.location_id', '=', q.locationId)
      .orderBy('d.deposit_date', 'desc')
      .orderBy('d.created_at', 'desc')
      .orderBy('d.id', 'desc')
      .limit(q.limit + 1);
    if (q.cursor) {
      const [date, at, id] = Buffer.from(q.cursor, 'base64url').toString('utf8').split('|');
      if (!date || !at || !id || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/i.test(id))
        throw invalid('cursor', 'not a cursor from this list');
      const when = new Date(at);
      query = query.where((eb) =>
        eb.or([
          eb('d.deposit_date', '<', date),
          eb.and([eb('d.deposit_date', '=', date), eb('d.created_at', '<', when)]),
          eb.and([eb('d.deposit_date', '=', date), eb('d.created_at', '=', when), eb('d.id', '<', id)]),
        ]),
      );
    }
    const rows = await query.execute();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(publicDeposit),
      nextCursor:
        rows.length > q.limit && last
          ? Buffer.from(`${last.deposit_date}|${last.created_at.toISOString()}|${last.id}`).toString('base64url')
          : null,
    };
  });
}

/** The location's payments not yet in a deposit (not voided, something left to deposit), oldest first. */
export async function listUndepositedPayments(
  ctx: Ctx,
  q: { locationId: string; limit: number },
): Promise<{ items: UndepositedPayment[]; nextCursor: string | null }> {
  return inTransaction(ctx, async (tx) => {
    await requireAtLocation(tx, 'day:read', q.locationId);
    const found = await depositables(tx, { locationId: q.locationId, limit: q.limit });
    return {
      items: found
        .filter((f) => !f.voided && !f.deposited && f.amountCents > 0)
        .map((f) => ({
          paymentId: f.paymentId,
          method: f.method,
          postingDate: f.postingDate,
          amountCents: f.amountCents,
          dayClosed: f.dayClosed,
        })),
      nextCursor: null,
    };
  });
}
