import type { Ctx } from '../shared/context.ts';
import type { DailyClose } from './deposits.schemas.ts';
import type { DepositMethod, MethodTotal, UserTotal } from './deposits.tables.ts';

const METHODS: DepositMethod[] = ['cash', 'check', 'card'];

export interface DaySummary {
  locationId: string;
  date: string;
  expectedCashCents: number;
  paymentCount: number;
  totalCents: number;
  byMethod: MethodTotal[];
  byUser: UserTotal[];
}

/**
 * What a location's day took, from the accounts module's `payment_movements` view: payments add,
 * refunds and voids dated that day take away; counts are of payments. Expected cash is the
 * cash part. Grouped in the database (two small aggregates whatever the day's volume).
 */
export async function daySummary(tx: Ctx, locationId: string, date: string): Promise<DaySummary> {
  const base = tx.db
    .selectFrom('payment_movements as m')
    .where('m.organization_id', '=', tx.organizationId)
    .where('m.location_id', '=', locationId)
    .where('m.movement_date', '=', date);
  const methods = await base
    .select((eb) => [
      'm.method',
      eb.fn.sum<string>('m.amount_cents').as('cents'),
      eb.fn.count<string>('m.payment_id').filterWhere('m.movement', '=', 'payment').as('count'),
    ])
    .groupBy('m.method')
    .execute();
  const users = await base
    .leftJoin('staff_directory as s', (j) => j.onRef('s.id', '=', 'm.user_id').onRef('s.organization_id', '=', 'm.organization_id'))
    .select((eb) => [
      'm.user_id',
      eb.fn.max('s.display_name').as('name'),
      eb.fn.sum<string>('m.amount_cents').as('cents'),
      eb.fn.count<string>('m.payment_id').filterWhere('m.movement', '=', 'payment').as('count'),
    ])
    .groupBy('m.user_id')
    .execute();
  const byMethod = METHODS.map((method) => {
    const r = methods.find((x) => x.method === method);
    return { method, count: Number(r?.count ?? 0), cents: Number(r?.cents ?? 0) };
  });
  const byUser = users
    .map((u) => ({ userId: u.user_id, name: u.name ?? 'System', count: Number(u.count), cents: Number(u.cents) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return {
    locationId,
    date,
    expectedCashCents: byMethod.find((m) => m.method === 'cash')?.cents ?? 0,
    paymentCount: byMethod.reduce((s, m) => s + m.count, 0),
    totalCents: byMethod.reduce((s, m) => s + m.cents, 0),
    byMethod,
    byUser,
  };
}

type CloseRow = {
  id: string;
  location_id: string;
  close_date: string;
  expected_cash_cents: number;
  counted_cash_cents: number;
  variance_cents: number;
  payment_count: number;
  total_cents: number;
  by_method: MethodTotal[];
  by_user: UserTotal[];
  note: string;
  closed_at: Date;
  closed_by_name: string | null;
};

export function publicClose(r: CloseRow): DailyClose {
  return {
    id: r.id,
    locationId: r.location_id,
    date: r.close_date,
    expectedCashCents: Number(r.expected_cash_cents),
    countedCashCents: Number(r.counted_cash_cents),
    varianceCents: Number(r.variance_cents),
    paymentCount: r.payment_count,
    totalCents: Number(r.total_cents),
    byMethod: r.by_method,
    byUser: r.by_user,
    note: r.note,
    closedBy: r.closed_by_name,
    closedAt: r.closed_at.toISOString(),
  };
}

/** Closes of the organization with the closer's name (a query the caller narrows and orders). */
export function selectCloses(tx: Ctx) {
  return tx.db
    .selectFrom('daily_closes as c')
    .leftJoin('staff_directory as s', (j) => j.onRef('s.id', '=', 'c.closed_by').onRef('s.organization_id', '=', 'c.organization_id'))
    .select([
      'c.id',
      'c.location_id',
      'c.close_date',
      'c.expected_cash_cents',
      'c.counted_cash_cents',
      'c.variance_cents',
      'c.payment_count',
      'c.total_cents',
      'c.by_method',
      'c.by_user',
      'c.note',
      'c.closed_at',
      's.display_name as closed_by_name',
    ])
    .where('c.organization_id', '=', tx.organizationId);
}
