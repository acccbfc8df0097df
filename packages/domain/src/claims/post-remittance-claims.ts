/**
 * Posting 835 claims (CLP loops) of one payment to our claims, in bulk: the remittance claim, its
 * lines and CAS adjustments, and the claim's new state with its timeline row. The database's
 * unique key (organization, payment, claim, CLP02) makes a repeat post nothing, also when two
 * imports run at once (the second waits for the first's row and then skips it).
 */
import type { CasAdjustment, RemittanceClaim835 } from '@x12/index.ts';
import { sql } from 'kysely';
import { auditCtes } from '../audit/index.ts';
import { actorUserId, type Ctx } from '../shared/context.ts';
import { canTransition, type ClaimStatus } from './claim-states.ts';
import { adjudicatedStatus, matchLines } from './remittance-rules.ts';
import type { RemittancePostedClaim } from './remittance-posted.ts';

const CHUNK = 1000;

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

async function inChunks<T>(rows: T[], run: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await run(rows.slice(i, i + CHUNK));
}

const casRow = (a: CasAdjustment) => ({ group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents });

export async function postRemittanceClaims(tx: Ctx, payment: PaymentRef, items: ClaimToPost[]): Promise<PostOutcome> {
  if (items.length === 0) return { posted: [], already: [] };
  const now = tx.clock.now();
  const userId = actorUserId(tx);
  const inserted = new Map<string, string>();
  await inChunks(items, async (chunk) => {
    const rows = await tx.db
      .insertInto('remittance_claims')
      .values(
        chunk.map(({ claim, clp }) => ({
          organization_id: tx.organizationId,
          payment_id: payment.id,
          file_id: payment.fileId,
          claim_id: claim.id,
          patient_control_number: clp.patientControlNumber,
          status_code: clp.statusCode,
          charge_cents: clp.chargeCents,
          paid_cents: clp.paidCents,
          patient_responsibility_cents: clp.patientResponsibilityCents,
          payer_claim_control_number: clp.payerClaimControlNumber ?? null,
          remark_codes: clp.remarkCodes,
          paid_date: payment.paymentDate,
          posted_by: userId,
          posted_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['organization_id', 'payment_id', 'claim_id', 'status_code']).doNothing())
      .returning(['id', 'claim_id', 'status_code'])
      .execute();
    for (const r of rows) inserted.set(`${r.claim_id}/${r.status_code}`, r.id);
  });

  const fresh = items.filter(({ claim, clp }) => inserted.has(`${claim.id}/${clp.statusCode}`));
  const already = items
    .filter((i) => !fresh.includes(i))
    .map(({ claim, clp }) => ({ claimId: claim.id, patientControlNumber: clp.patientControlNumber }));
  if (fresh.length === 0) return { posted: [], already };

  const billed = new Map<string, { lineNumber: number; procedureCode: string; modifiers: string[] }[]>();
  await inChunks([...new Set(fresh.map((f) => f.claim.id))], async (ids) => {
    const rows = await tx.db
      .selectFrom('claim_lines')
      .select(['claim_id', 'line_number', 'procedure_code', 'modifiers'])
      .where('organization_id', '=', tx.organizationId)
      .where('claim_id', 'in', ids)
      .orderBy('claim_id')
      .orderBy('line_number')
      .execute();
    for (const r of rows)
      billed.set(r.claim_id, [
        ...(billed.get(r.claim_id) ?? []),
        { lineNumber: r.line_number, procedureCode: r.procedure_code, modifiers: r.modifiers },
      ]);
  });

  type LineRow = Parameters<ReturnType<Ctx['db']['insertInto']>['values']>[0];
  const lines: LineRow[] = [];
  const adjustments: LineRow[] = [];
  const posted: RemittancePostedClaim[] = [];
  const moves = new Map<ClaimStatus, { claimId: string; from: ClaimStatus; reason: string }[]>();
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
      moves.set(to, [...(moves.get(to) ?? []), { claimId: claim.id, from: claim.status, reason }]);
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
  // text[] columns travel as one '{...}' literal per row (unnest of a 2-D array would flatten them).
  const arr = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
  if (ls.length)
    await sql`insert into remittance_lines (organization_id, remittance_claim_id, seq, line_number, procedure_code, modifiers, units,
                                            charge_cents, paid_cents, remark_codes, line_control_number)
      select ${tx.organizationId}::uuid, r, s, n, pc, m::text[], u, cc, pd, rm::text[], lc
      from unnest(${ls.map((l) => l.remittance_claim_id)}::uuid[], ${ls.map((l) => l.seq)}::int[], ${ls.map((l) => l.line_number)}::int[],
                  ${ls.map((l) => l.procedure_code)}::text[], ${ls.map((l) => arr(l.modifiers))}::text[], ${ls.map((l) => l.units)}::int[],
                  ${ls.map((l) => l.charge_cents)}::bigint[], ${ls.map((l) => l.paid_cents)}::bigint[],
                  ${ls.map((l) => arr(l.remark_codes))}::text[], ${ls.map((l) => l.line_control_number)}::text[])
           as t(r, s, n, pc, m, u, cc, pd, rm, lc)`.execute(tx.db);
  if (as.length)
    await sql`insert into remittance_adjustments (organization_id, remittance_claim_id, line_seq, seq, group_code, reason_code, amount_cents, quantity)
      select ${tx.organizationId}::uuid, r, ls, s, g, rc, a, q
      from unnest(${as.map((a) => a.remittance_claim_id)}::uuid[], ${as.map((a) => a.line_seq)}::int[], ${as.map((a) => a.seq)}::int[],
                  ${as.map((a) => a.group_code)}::text[], ${as.map((a) => a.reason_code)}::text[], ${as.map((a) => a.amount_cents)}::bigint[],
                  ${as.map((a) => a.quantity)}::numeric[]) as t(r, ls, s, g, rc, a, q)`.execute(tx.db);

  for (const [to, list] of moves)
    await inChunks(list, async (chunk) => {
      await tx.db
        .updateTable('claims')
        .set({ status: to, version: sql`version + 1`, updated_at: now })
        .where('organization_id', '=', tx.organizationId)
        .where(
          'id',
          'in',
          chunk.map((m) => m.claimId),
        )
        .execute();
      await tx.db
        .insertInto('claim_events')
        .values(
          chunk.map((m) => ({
            organization_id: tx.organizationId,
            claim_id: m.claimId,
            at: now,
            user_id: userId,
            from_status: m.from,
            to_status: to,
            reason: m.reason,
          })),
        )
        .execute();
    });

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
