/**
 * Posting 835 claims (CLP loops) of one payment to our claims, in bulk: the remittance claim, its
 * lines and CAS adjustments, and the claim's new state with its timeline row. The database's
 * unique key (organization, payment, claim, CLP02) makes a repeat post nothing, also when two
 * imports run at once (the second waits for the first's row and then skips it).
 */
import type { CasAdjustment, RemittanceClaim835 } from '@x12/index.ts';
import { type SqlBool, sql } from 'kysely';
import { auditCtes } from '../audit/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { type ClaimMove, canTransition, type ClaimStatus, moveClaims } from './claim-states.ts';
import { adjudicatedStatus, matchLines } from './remittance-rules.ts';
import type { RemittancePostedClaim } from './remittance-posted.ts';

export interface PaymentRef {
  id: string;
  fileId: string;
  traceNumber: string;
  paymentDate: string | null;
}

export interface ClaimToPost {
  claim: { id: string; status: ClaimStatus; version: number; patient_id: string; encounter_id: string; payer_id: string };
  clp: RemittanceClaim835;
}

export interface PostOutcome {
  posted: RemittancePostedClaim[];
  already: { claimId: string; patientControlNumber: string }[];
}

/** A text[] value as one '{...}' literal: a row's array travels in a text[] column (unnest of a 2-D array would flatten it). */
function textArray(xs: readonly string[]): string {
  return `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

const casRow = (a: CasAdjustment) => ({ group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents });

export async function postRemittanceClaims(tx: Ctx, payment: PaymentRef, items: ClaimToPost[]): Promise<PostOutcome> {
  if (items.length === 0) return { posted: [], already: [] };
  const now = tx.clock.now();
  const userId = actorUserId(tx);
  const inserted = new Map<string, string>();
  // One statement whatever the file's size: a column of values each (unnest), not a parameter per value.
  const rows = await sql<{ id: string; claim_id: string; status_code: string }>`
    insert into remittance_claims (organization_id, payment_id, file_id, claim_id, patient_control_number, status_code, charge_cents,
                                   paid_cents, patient_responsibility_cents, payer_claim_control_number, remark_codes, paid_date,
                                   posted_by, posted_at)
    select ${tx.organizationId}::uuid, ${payment.id}::uuid, ${payment.fileId}::uuid, c, pcn, st, cc, pd, pr, pccn, rm::text[],
           ${payment.paymentDate}::date, ${userId}::uuid, ${now}::timestamptz
      from unnest(${items.map((i) => i.claim.id)}::uuid[], ${items.map((i) => i.clp.patientControlNumber)}::text[],
                  ${items.map((i) => i.clp.statusCode)}::text[], ${items.map((i) => i.clp.chargeCents)}::bigint[],
                  ${items.map((i) => i.clp.paidCents)}::bigint[], ${items.map((i) => i.clp.patientResponsibilityCents)}::bigint[],
                  ${items.map((i) => i.clp.payerClaimControlNumber ?? null)}::text[], ${items.map((i) => textArray(i.clp.remarkCodes))}::text[])
           with ordinality as t(c, pcn, st, cc, pd, pr, pccn, rm, n)
     order by n
    on conflict (organization_id, payment_id, claim_id, status_code) do nothing
    returning id, claim_id, status_code`.execute(tx.db);
  for (const r of rows.rows) inserted.set(`${r.claim_id}/${r.status_code}`, r.id);

  const fresh = items.filter(({ claim, clp }) => inserted.has(`${claim.id}/${clp.statusCode}`));
  const already = items
    .filter((i) => !fresh.includes(i))
    .map(({ claim, clp }) => ({ claimId: claim.id, patientControlNumber: clp.patientControlNumber }));
  if (fresh.length === 0) return { posted: [], already };

  const billed = new Map<string, { lineNumber: number; procedureCode: string; modifiers: string[] }[]>();
  {
    const rows = await tx.db
      .selectFrom('claim_lines')
      .select(['claim_id', 'line_number', 'procedure_code', 'modifiers'])
      .where('organization_id', '=', tx.organizationId)
      .where(sql<SqlBool>`claim_id = any(${[...new Set(fresh.map((f) => f.claim.id))]}::uuid[])`)
      .orderBy('claim_id')
      .orderBy('line_number')
      .execute();
    for (const r of rows) {
      const list = billed.get(r.claim_id) ?? [];
      list.push({ lineNumber: r.line_number, procedureCode: r.procedure_code, modifiers: r.modifiers });
      billed.set(r.claim_id, list);
    }
  }

  type LineRow = Parameters<ReturnType<Ctx['db']['insertInto']>['values']>[0];
  const lines: LineRow[] = [];
  const adjustments: LineRow[] = [];
  const posted: RemittancePostedClaim[] = [];
  const moves: ClaimMove[] = [];
  for (const { claim, clp } of fresh) {
    const id = inserted.get(`${claim.id}/${clp.statusCode}`) as string;
    let seq = 0;
    const adj = (a: CasAdjustment, lineSeq: number | null) =>
      adjustments.push({
        organization_id: tx.organizationId,
        remittance_claim_id: id,
        line_seq: lineSeq,
        seq: ++seq,
        group_code: a.group,
        reason_code: a.reasonCode,
        amount_cents: a.amountCents,
        quantity: a.quantity ?? null,
      });
    for (const a of clp.adjustments) adj(a, null);
    const matched = matchLines(billed.get(claim.id) ?? [], clp.lines);
    clp.lines.forEach((l, i) => {
      lines.push({
        organization_id: tx.organizationId,
        remittance_claim_id: id,
        seq: i + 1,
        line_number: matched[i] ?? null,
        procedure_code: l.procedureCode,
        modifiers: l.modifiers,
        units: Number.isSafeInteger(l.units) ? l.units : 1,
        charge_cents: l.chargeCents,
        paid_cents: l.paidCents,
        remark_codes: l.remarkCodes,
        line_control_number: l.lineItemControlNumber ?? null,
      });
      for (const a of l.adjustments) adj(a, i + 1);
    });
    const all = [...clp.adjustments, ...clp.lines.flatMap((l) => l.adjustments)];
    posted.push({
      claimId: claim.id,
      patientId: claim.patient_id,
      encounterId: claim.encounter_id,
      payerId: claim.payer_id,
      remittanceClaimId: id,
      patientControlNumber: clp.patientControlNumber,
      claimStatusCode: clp.statusCode,
      chargeCents: clp.chargeCents,
      paidCents: clp.paidCents,
      patientResponsibilityCents: clp.patientResponsibilityCents,
      adjustments: all.map(casRow),
    });
    const to = adjudicatedStatus(clp);
    if (to && to !== claim.status && canTransition(claim.status, to)) {
      const reason = `remittance ${payment.traceNumber}: CLP02 ${clp.statusCode}, paid ${(clp.paidCents / 100).toFixed(2)}, patient ${(clp.patientResponsibilityCents / 100).toFixed(2)}`;
      moves.push({ claimId: claim.id, from: claim.status, to, reason });
      // A later CLP of the same claim in this payment (a correction after a reversal) starts from here.
      claim.status = to;
    }
  }
  // Set-based: one statement per table with a column of values each (unnest), not a parameter per value.
  type L = {
    remittance_claim_id: string;
    seq: number;
    line_number: number | null;
    procedure_code: string;
    modifiers: string[];
    units: number;
    charge_cents: number;
    paid_cents: number;
    remark_codes: string[];
    line_control_number: string | null;
  };
  type A = {
    remittance_claim_id: string;
    line_seq: number | null;
    seq: number;
    group_code: string;
    reason_code: string;
    amount_cents: number;
    quantity: number | null;
  };
  const ls = lines as unknown as L[];
  const as = adjustments as unknown as A[];
  if (ls.length)
    await sql`insert into remittance_lines (organization_id, remittance_claim_id, seq, line_number, procedure_code, modifiers, units,
                                            charge_cents, paid_cents, remark_codes, line_control_number)
      select ${tx.organizationId}::uuid, r, s, n, pc, m::text[], u, cc, pd, rm::text[], lc
      from unnest(${ls.map((l) => l.remittance_claim_id)}::uuid[], ${ls.map((l) => l.seq)}::int[], ${ls.map((l) => l.line_number)}::int[],
                  ${ls.map((l) => l.procedure_code)}::text[], ${ls.map((l) => textArray(l.modifiers))}::text[], ${ls.map((l) => l.units)}::int[],
                  ${ls.map((l) => l.charge_cents)}::bigint[], ${ls.map((l) => l.paid_cents)}::bigint[],
                  ${ls.map((l) => textArray(l.remark_codes))}::text[], ${ls.map((l) => l.line_control_number)}::text[])
           as t(r, s, n, pc, m, u, cc, pd, rm, lc)`.execute(tx.db);
  if (as.length)
    await sql`insert into remittance_adjustments (organization_id, remittance_claim_id, line_seq, seq, group_code, reason_code, amount_cents, quantity)
      select ${tx.organizationId}::uuid, r, ls, s, g, rc, a, q
      from unnest(${as.map((a) => a.remittance_claim_id)}::uuid[], ${as.map((a) => a.line_seq)}::int[], ${as.map((a) => a.seq)}::int[],
                  ${as.map((a) => a.group_code)}::text[], ${as.map((a) => a.reason_code)}::text[], ${as.map((a) => a.amount_cents)}::bigint[],
                  ${as.map((a) => a.quantity)}::numeric[]) as t(r, ls, s, g, rc, a, q)`.execute(tx.db);

  await moveClaims(tx, moves);

  // One audit row per patient, written by one statement (a 10,000-claim file would otherwise take
  // 10,000 round trips). The row's patient comes from the SQL source (auditCtes takes an expression).
  const patients = [...new Set(posted.map((p) => p.patientId))];
  const audit = await auditCtes(tx, 'posted_patients', sql`${payment.fileId}::text`, {
    action: 'create',
    resourceType: 'remittance',
    patientId: sql`w.patient_id` as unknown as string,
    breakGlass: false,
    details: { fileId: payment.fileId, traceNumber: payment.traceNumber, claims: posted.length },
  });
  await sql`with posted_patients as (select unnest(${patients}::uuid[]) as patient_id), ${audit} select 1`.execute(tx.db);
  return { posted, already };
}
