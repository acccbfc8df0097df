import type { Selectable } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Payment } from './accounts.schemas.ts';
import type { AccountsTables } from './accounts.tables.ts';

type PaymentRow = Selectable<AccountsTables['payments']>;

/** A payment of the caller's organization with its allocations (404 when there is none). */
export async function loadPayment(ctx: Ctx, id: string): Promise<Payment & { requestHash: string | null }> {
  const row = /^[0-9a-f-]{36}$/i.test(id)
    ? await ctx.db
        .selectFrom('payments')
        .selectAll()
        .where('organization_id', '=', ctx.organizationId)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined;
  if (!row) throw notFound('payment');
  const [payment] = await withAllocations(ctx, [row]);
  if (!payment) throw notFound('payment');
  return payment;
}

/** Payment rows already read, with their allocations: one query for all of them. */
export async function withAllocations(ctx: Ctx, rows: readonly PaymentRow[]): Promise<(Payment & { requestHash: string | null })[]> {
  if (rows.length === 0) return [];
  const allocations = await ctx.db
    .selectFrom('payment_allocations')
    .select(['payment_id', 'charge_id', 'encounter_id', 'amount_cents'])
    .where('organization_id', '=', ctx.organizationId)
    .where(
      'payment_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('payment_id')
    .orderBy('encounter_id')
    .orderBy('charge_id')
    .execute();
  const byPayment = new Map<string, typeof allocations>();
  for (const a of allocations) {
    const list = byPayment.get(a.payment_id);
    if (list) list.push(a);
    else byPayment.set(a.payment_id, [a]);
  }
  return rows.map((row) => {
    const own = byPayment.get(row.id) ?? [];
    const allocated = own.reduce((s, a) => s + Number(a.amount_cents), 0);
    return {
      id: row.id,
      patientId: row.patient_id,
      locationId: row.location_id,
      amountCents: Number(row.amount_cents),
      method: row.method,
      reference: row.reference,
      cardLast4: row.card_last4,
      cardBrand: row.card_brand,
      cardSource: row.card_source ?? (row.method === 'card' ? 'terminal' : null),
      postingDate: row.posting_date,
      note: row.note,
      allocations: own.map((a) => ({ chargeId: a.charge_id, encounterId: a.encounter_id, amountCents: Number(a.amount_cents) })),
      unallocatedCents: Number(row.amount_cents) - allocated,
      refundedCents: Number(row.refunded_cents),
      status: row.voided_at ? 'void' : 'posted',
      voidReason: row.void_reason,
      voidDate: row.void_date,
      createdAt: row.created_at.toISOString(),
      requestHash: row.request_hash,
    };
  });
}

export function publicPayment(p: Payment & { requestHash?: string | null }): Payment {
  const { requestHash: _hidden, ...rest } = p;
  return rest;
}
