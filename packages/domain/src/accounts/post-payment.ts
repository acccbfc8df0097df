import { createHash } from 'node:crypto';
import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { chargesByIds, chargesForClaim } from '../billing/index.ts';
import { assertDayOpen } from '../deposits/index.ts';
import { encounterBalances } from '../ledger/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { emit } from '../shared/events.ts';
import type { Payment, PaymentInput } from './accounts.schemas.ts';
import { paymentPosted } from './payment-events.ts';
import { loadPayment, publicPayment } from './payment-row.ts';

/** The request as its hash sees it: keys sorted, so the same body in another order is the same request. */
function requestHash(input: PaymentInput): string {
  const canonical = (v: unknown): unknown =>
    Array.isArray(v)
      ? v.map(canonical)
      : v && typeof v === 'object'
        ? Object.fromEntries(
            Object.entries(v as Record<string, unknown>)
              .filter(([, x]) => x !== undefined)
              .sort(([a], [b]) => a.localeCompare(b))
              .map(([k, x]) => [k, canonical(x)]),
          )
        : v;
  return createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('hex');
}

/** What the card gateway answered for a card it charged (charge-card.ts). */
export type CardResult = { last4: string; reference: string; brand: string | null };

type Allocation = { chargeId: string; encounterId: string; amountCents: number };

/** The charges a payment pays, as asked: each the patient's own, none void. */
async function explicitAllocations(tx: Ctx, patientId: string, asked: NonNullable<PaymentInput['allocations']>): Promise<Allocation[]> {
  const found = new Map(
    (
      await chargesByIds(
        tx,
        asked.map((a) => a.chargeId),
      )
    ).map((c) => [c.id, c]),
  );
  return asked.map((a, i) => {
    const c = found.get(a.chargeId);
    if (!c || c.patientId !== patientId) throw invalid(`allocations.${i}.chargeId`, "not one of this patient's charges");
    if (c.status === 'void') throw invalid(`allocations.${i}.chargeId`, 'this charge is void');
    return { chargeId: c.id, encounterId: c.encounterId, amountCents: a.amountCents };
  });
}

/** Oldest visit first: each visit's patient balance, spread over its charges in line order. */
async function oldestFirst(tx: Ctx, patientId: string, amountCents: number): Promise<Allocation[]> {
  const out: Allocation[] = [];
  let left = amountCents;
  for (const b of await encounterBalances(tx, patientId)) {
    if (left <= 0) break;
    if (!b.encounterId || b.patientCents <= 0) continue;
    let owed = Math.min(b.patientCents, left);
    for (const c of await chargesForClaim(tx, b.encounterId)) {
      if (owed <= 0) break;
      if (c.status !== 'approved') continue;
      const part = Math.min(owed, c.amountCents);
      if (part <= 0) continue;
      out.push({ chargeId: c.id, encounterId: b.encounterId, amountCents: part });
      owed -= part;
      left -= part;
    }
  }
  return out;
}

/**
 * Post a patient payment (cash, check or card from the terminal), allocated to the charges named
 * or, when none are named, to the oldest open visits; the rest stays on account. One journal
 * entry in the same transaction (payment.posted → ledger). With an Idempotency-Key, a repeat of
 * the same request answers the payment already posted (also when many arrive at once: the key
 * is unique in the database and a concurrent insert waits for the first); the same key with
 * another body answers 422 IDEMPOTENCY_KEY_REUSED and posts nothing.
 */
export async function postPayment(
  ctx: Ctx,
  input: PaymentInput,
  idempotencyKey?: string,
  card?: CardResult,
): Promise<{ payment: Payment; replayed: boolean }> {
  requirePermission(ctx, 'payment:post');
  const hash = idempotencyKey ? requestHash(input) : null;
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, input.patientId, 'payment:post');
    if (idempotencyKey) {
      const earlier = await replay(tx, idempotencyKey, hash);
      if (earlier) return { payment: earlier, replayed: true };
    }
    const location = await tx.db
      .selectFrom('location_directory')
      .select(['id', 'time_zone'])
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', input.locationId)
      .executeTakeFirst();
    if (!location) throw invalid('locationId', 'not a location of this practice');
    const today = localDateOf(tx.clock.now().getTime(), location.time_zone);
    const postingDate = input.postingDate ?? today;
    if (postingDate > today) throw invalid('postingDate', 'a payment cannot be dated in the future');
    await assertDayOpen(tx, { locationId: input.locationId, date: postingDate });
    const inserted = await tx.db
      .insertInto('payments')
      .values({
        organization_id: tx.organizationId,
        patient_id: input.patientId,
        location_id: input.locationId,
        amount_cents: input.amountCents,
        method: input.method,
        reference: card?.reference ?? input.reference ?? null,
        card_last4: card?.last4 ?? input.cardLast4 ?? null,
        card_brand: card?.brand ?? null,
        card_source: input.method !== 'card' ? null : card ? 'gateway' : 'terminal',
        posting_date: postingDate,
        note: input.note ?? '',
        idempotency_key: idempotencyKey ?? null,
        request_hash: hash,
        posted_by: actorUserId(tx),
        created_at: tx.clock.now(),
      })
      .onConflict((oc) => oc.columns(['organization_id', 'idempotency_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      // Another request with this key committed while this one waited on the key.
      const earlier = idempotencyKey ? await replay(tx, idempotencyKey, hash) : null;
      if (!earlier) throw new AppError('CONFLICT', 'a payment with this Idempotency-Key is being posted; retry');
      return { payment: earlier, replayed: true };
    }
    const allocations = input.allocations
      ? await explicitAllocations(tx, input.patientId, input.allocations)
      : await oldestFirst(tx, input.patientId, input.amountCents);
    if (allocations.length)
      await tx.db
        .insertInto('payment_allocations')
        .values(
          allocations.map((a) => ({
            organization_id: tx.organizationId,
            payment_id: inserted.id,
            charge_id: a.chargeId,
            encounter_id: a.encounterId,
            amount_cents: a.amountCents,
          })),
        )
        .execute();
    const allocatedCents = allocations.reduce((s, a) => s + a.amountCents, 0);
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'payment',
      resourceId: inserted.id,
      access,
      details: { method: input.method, amountCents: input.amountCents, allocatedCents, postingDate },
    });
    await emit(tx, paymentPosted, {
      paymentId: inserted.id,
      patientId: input.patientId,
      locationId: input.locationId,
      method: input.method,
      amountCents: input.amountCents,
      postingDate,
      allocations,
    });
    return { payment: publicPayment(await loadPayment(tx, inserted.id)), replayed: false };
  });
}

/** The payment already posted under this key for this request (null: none yet); the same key with another body answers 422. */
export async function postedUnderKey(ctx: Ctx, input: PaymentInput, idempotencyKey: string): Promise<Payment | null> {
  return inTransaction(ctx, async (tx) => {
    await requirePatientAccess(tx, input.patientId, 'payment:post');
    return replay(tx, idempotencyKey, requestHash(input));
  });
}

async function replay(tx: Ctx, key: string, hash: string | null): Promise<Payment | null> {
  const row = await tx.db
    .selectFrom('payments')
    .select(['id', 'request_hash'])
    .where('organization_id', '=', tx.organizationId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  if (!row) return null;
  if (row.request_hash !== hash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was already used for a different payment; nothing was posted');
  return publicPayment(await loadPayment(tx, row.id));
}
