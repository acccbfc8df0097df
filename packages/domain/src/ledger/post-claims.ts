import { type SqlBool, sql } from 'kysely';
import type { ClaimsSubmittedPayload, ClaimWrittenOffPayload, RemittancePostedPayload } from '../claims/index.ts';
import type { Ctx } from '../shared/context.ts';
import { ACCOUNT_CODE, type AccountKey } from './accounts.ts';
import { type EntryLine, postEntry, postingDateAt } from './post-entry.ts';

const CHUNK = 1000;

/** A line on its natural side, or on the other side when the amount is negative (reversals, recoupments). */
function signed(account: AccountKey, side: 'debit' | 'credit', cents: number, about: Omit<EntryLine, 'account'>): EntryLine {
  const flip = cents < 0;
  const amount = Math.abs(cents);
  return (side === 'debit') !== flip ? { account, debitCents: amount, ...about } : { account, creditCents: amount, ...about };
}

/** Net balance of `account` per encounter, for these encounters (what the visit still owes there). */
async function balancesByEncounter(tx: Ctx, account: AccountKey, encounterIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < encounterIds.length; i += CHUNK) {
    const rows = await tx.db
      .selectFrom('journal_lines')
      .select(['encounter_id', (eb) => eb.fn.sum<string>(eb('debit_cents', '-', eb.ref('credit_cents'))).as('net')])
      .where('organization_id', '=', tx.organizationId)
      .where('account_code', '=', ACCOUNT_CODE[account])
      .where('encounter_id', 'in', encounterIds.slice(i, i + CHUNK))
      .groupBy('encounter_id')
      .execute();
    for (const r of rows) if (r.encounter_id) out.set(r.encounter_id, Number(r.net));
  }
  return out;
}

/**
 * claims.submitted: what a claim bills moves from the patient's receivable to the payer's
 * (Dr insurance A/R, Cr patient A/R), once per claim whatever batch carries it again. A primary
 * claim moves its total; a secondary or tertiary claim moves what the visit still has on the
 * patient's side (what the payers before it left), at most its total. Replacements and voids
 * (frequency 7, 8) move nothing: the original already did. One entry per batch.
 */
export async function postClaimsBilled(tx: Ctx, p: ClaimsSubmittedPayload) {
  const originals = p.claims.filter((c) => c.frequencyCode === '1');
  if (!originals.length) return null;
  // One statement whatever the batch's size: the claim ids as one array parameter.
  const billedRows = await tx.db
    .selectFrom('journal_lines as l')
    .innerJoin('journal_entries as e', (j) => j.onRef('e.organization_id', '=', 'l.organization_id').onRef('e.id', '=', 'l.entry_id'))
    .select('l.claim_id')
    .distinct()
    .where('l.organization_id', '=', tx.organizationId)
    .where('e.kind', '=', 'claim_billed')
    .where(sql<SqlBool>`l.claim_id in (select unnest(${originals.map((c) => c.claimId)}::uuid[]))`)
    .execute();
  const billed = new Set(billedRows.flatMap((r) => (r.claim_id ? [r.claim_id] : [])));
  const fresh = originals.filter((c) => !billed.has(c.claimId));
  const later = fresh.filter((c) => c.priority !== 'primary');
  const patientSide = later.length ? await balancesByEncounter(tx, 'patient_ar', [...new Set(later.map((c) => c.encounterId))]) : new Map();
  const lines: EntryLine[] = [];
  for (const c of fresh) {
    const amount =
      c.priority === 'primary' ? c.totalChargeCents : Math.max(0, Math.min(c.totalChargeCents, patientSide.get(c.encounterId) ?? 0));
    if (amount <= 0) continue;
    if (c.priority !== 'primary') patientSide.set(c.encounterId, (patientSide.get(c.encounterId) ?? 0) - amount);
    const about = { patientId: c.patientId, encounterId: c.encounterId };
    lines.push({ account: 'insurance_ar', debitCents: amount, ...about, claimId: c.claimId, payerId: c.payerId });
    lines.push({ account: 'patient_ar', creditCents: amount, ...about, claimId: c.claimId });
  }
  if (!lines.length) return null;
  const locationId = fresh[0]?.locationId ?? null;
  return postEntry(tx, {
    kind: 'claim_billed',
    source: { type: 'claim_batch', id: p.batchId },
    postingDate: await postingDateAt(tx, locationId),
    memo: `Claims billed to payers (${lines.length / 2})`,
    locationId,
    lines,
  });
}

const OTHER_GROUPS = new Set(['OA', 'PI', 'CR']);
const ADJUSTMENT_ACCOUNT: Record<string, AccountKey> = { CO: 'contractual_adjustments', PR: 'patient_ar' };

/** The reason a line keeps: the CARC group and code (`CO-45`), or a PLB's (`PLB-WO`), as the journal's column allows. */
export function adjustmentReason(group: string, code: string): string {
  return `${group}-${code}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 40) || group;
}

/**
 * remittance.posted: the payer's money and decisions (one entry per import of a payment):
 * per claim, Cr insurance A/R by what was paid and adjusted; Dr contractual adjustments (CO),
 * other payer adjustments (OA, PI, CR) and the patient's receivable (PR: what the patient owes
 * now), one line per CARC group and code with it as the line's reason (`CO-45`, `PR-1`), so
 * reports split adjustments by reason; Dr bank by what the claims paid less the provider-level
 * adjustments (PLB: a positive one, a recoupment, reduces the payment; a negative one, interest,
 * adds to it; reason `PLB-<code>`). Reversals carry negative amounts and post on the other side.
 * A claim matched later from the reconciliation queue posts then, with its own entry.
 */
export async function postRemittance(tx: Ctx, r: RemittancePostedPayload) {
  const lines: EntryLine[] = [];
  let cash = 0;
  for (const c of r.claims) {
    const claimAbout = { patientId: c.patientId, encounterId: c.encounterId, claimId: c.claimId };
    const byReason = new Map<string, { account: AccountKey; cents: number }>();
    for (const a of c.adjustments) {
      const account = ADJUSTMENT_ACCOUNT[a.group] ?? (OTHER_GROUPS.has(a.group) ? 'other_adjustments' : null);
      if (!account) continue;
      const reason = adjustmentReason(a.group, a.reasonCode);
      const seen = byReason.get(reason) ?? { account, cents: 0 };
      seen.cents += a.amountCents;
      byReason.set(reason, seen);
    }
    const adjusted = [...byReason.values()].reduce((s, a) => s + a.cents, 0);
    cash += c.paidCents;
    lines.push(signed('insurance_ar', 'credit', c.paidCents + adjusted, { ...claimAbout, payerId: c.payerId }));
    for (const [reason, a] of byReason) lines.push(signed(a.account, 'debit', a.cents, { ...claimAbout, reason }));
  }
  for (const a of r.providerAdjustments) {
    cash -= a.amountCents;
    lines.push(signed('provider_adjustments', 'debit', a.amountCents, { reason: adjustmentReason('PLB', a.reasonCode) }));
  }
  lines.push(signed('bank', 'debit', cash, {}));
  const source = `${r.paymentId}:${r.claims[0]?.remittanceClaimId ?? 'provider-adjustments'}`;
  return postEntry(tx, {
    kind: 'insurance_payment',
    source: { type: 'remittance', id: source },
    postingDate: r.paymentDate ?? (await postingDateAt(tx, null)),
    memo: `Payer payment ${r.traceNumber} (${r.payerName})`.slice(0, 500),
    lines: lines.filter((l) => (l.debitCents ?? 0) > 0 || (l.creditCents ?? 0) > 0),
  });
}

/** claim.written-off: Dr write-offs, Cr insurance A/R, at most what the claim still has open there. */
export async function postClaimWriteOff(tx: Ctx, w: ClaimWrittenOffPayload) {
  const open = await tx.db
    .selectFrom('journal_lines')
    .select((eb) => eb.fn.sum<string>(eb('debit_cents', '-', eb.ref('credit_cents'))).as('net'))
    .where('organization_id', '=', tx.organizationId)
    .where('account_code', '=', ACCOUNT_CODE.insurance_ar)
    .where('claim_id', '=', w.claimId)
    .executeTakeFirst();
  const amount = Math.min(w.amountCents, Math.max(0, Number(open?.net ?? 0)));
  if (amount <= 0) return null;
  const about = { patientId: w.patientId, encounterId: w.encounterId, claimId: w.claimId };
  return postEntry(tx, {
    kind: 'write_off',
    source: { type: 'claim_write_off', id: w.writeOffId },
    postingDate: await postingDateAt(tx, null),
    memo: `Claim written off: ${w.reason}`.slice(0, 500),
    lines: [
      { account: 'write_offs', debitCents: amount, ...about, reason: 'claim_write_off' },
      { account: 'insurance_ar', creditCents: amount, ...about, payerId: w.payerId },
    ],
  });
}
