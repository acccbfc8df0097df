import type { CasAdjustment } from '@x12/index.ts';
import { requirePermission } from '../access/index.ts';
import type { Ctx } from '../shared/context.ts';

export interface ClaimLineAdjudication {
  lineNumber: number;
  paidCents: number;
  adjustments: CasAdjustment[];
  remarkCodes: string[];
}

/** What the payers' remittances posted to a claim, summed over every posting (reversals included). */
export interface ClaimAdjudication {
  /** The latest posting's CLP07. */
  payerClaimControlNumber?: string;
  paidCents: number;
  patientResponsibilityCents: number;
  /** The latest posting's payment date (BPR16). */
  paidDate?: string;
  /** Claim-level CAS adjustments. */
  adjustments: CasAdjustment[];
  lines: ClaimLineAdjudication[];
}

/**
 * A claim's adjudication as posted from 835s (secondary claims build loops 2320/2430 from it), or
 * null when nothing has been posted to it (or it is not the caller's organization's). Reads only:
 * callers check patient access and audit.
 */
export async function getClaimAdjudication(ctx: Ctx, claimId: string): Promise<ClaimAdjudication | null> {
  requirePermission(ctx, 'claim:read');
  if (!/^[0-9a-f-]{36}$/i.test(claimId)) return null;
  return readClaimAdjudication(ctx, claimId);
}

/** The same without the permission check (getClaim and posting use it inside their transaction). */
export async function readClaimAdjudication(ctx: Ctx, claimId: string): Promise<ClaimAdjudication | null> {
  const postings = await ctx.db
    .selectFrom('remittance_claims as r')
    .innerJoin('remittance_payments as p', 'p.id', 'r.payment_id')
    .select(['r.id', 'r.paid_cents', 'r.patient_responsibility_cents', 'r.payer_claim_control_number', 'r.paid_date', 'r.remark_codes'])
    .where('r.claim_id', '=', claimId)
    .where('r.organization_id', '=', ctx.organizationId)
    .orderBy('r.posted_at')
    .orderBy('r.id')
    .execute();
  if (postings.length === 0) return null;
  const ids = postings.map((p) => p.id);
  const [lines, adjustments] = await Promise.all([
    ctx.db
      .selectFrom('remittance_lines')
      .select(['remittance_claim_id', 'seq', 'line_number', 'paid_cents', 'remark_codes'])
      .where('remittance_claim_id', 'in', ids)
      .where('organization_id', '=', ctx.organizationId)
      .execute(),
    ctx.db
      .selectFrom('remittance_adjustments')
      .select(['remittance_claim_id', 'line_seq', 'seq', 'group_code', 'reason_code', 'amount_cents', 'quantity'])
      .where('remittance_claim_id', 'in', ids)
      .where('organization_id', '=', ctx.organizationId)
      .orderBy('remittance_claim_id')
      .orderBy('seq')
      .execute(),
  ]);
  const order = new Map(ids.map((id, i) => [id, i]));
  const lineOf = new Map(lines.map((l) => [`${l.remittance_claim_id}/${l.seq}`, l.line_number]));
  const byLine = new Map<number, ClaimLineAdjudication>();
  const line = (n: number) => {
    let l = byLine.get(n);
    if (!l) {
      l = { lineNumber: n, paidCents: 0, adjustments: [], remarkCodes: [] };
      byLine.set(n, l);
    }
    return l;
  };
  for (const l of lines) {
    if (l.line_number === null) continue;
    const a = line(l.line_number);
    a.paidCents += Number(l.paid_cents);
    for (const c of l.remark_codes) if (!a.remarkCodes.includes(c)) a.remarkCodes.push(c);
  }
  const claimLevel: CasAdjustment[] = [];
  adjustments.sort((x, y) => (order.get(x.remittance_claim_id) ?? 0) - (order.get(y.remittance_claim_id) ?? 0) || x.seq - y.seq);
  for (const a of adjustments) {
    const adj: CasAdjustment = {
      group: a.group_code,
      reasonCode: a.reason_code,
      amountCents: Number(a.amount_cents),
      ...(a.quantity === null ? {} : { quantity: Number(a.quantity) }),
    };
    const n = a.line_seq === null ? null : lineOf.get(`${a.remittance_claim_id}/${a.line_seq}`);
    // A line adjustment whose SVC matched no claim line counts at claim level.
    if (n === null || n === undefined) claimLevel.push(adj);
    else line(n).adjustments.push(adj);
  }
  const latest = postings[postings.length - 1];
  return {
    ...(latest?.payer_claim_control_number ? { payerClaimControlNumber: latest.payer_claim_control_number } : {}),
    paidCents: postings.reduce((t, p) => t + Number(p.paid_cents), 0),
    patientResponsibilityCents: postings.reduce((t, p) => t + Number(p.patient_responsibility_cents), 0),
    ...(latest?.paid_date ? { paidDate: latest.paid_date } : {}),
    adjustments: claimLevel,
    lines: [...byLine.values()].sort((a, b) => a.lineNumber - b.lineNumber),
  };
}
