/** 835, 999 and 277CA texts for claims made through the API (built with the X12 library's builders). */
import { build277CA, build835, build999, type CasAdjustment } from '@x12/index.ts';
import { expect } from 'vitest';
import { type BillingPractice, readyClaim } from './claim-fixtures.ts';
import type { TestApp } from './test-app.ts';

export const X12 = { 'content-type': 'application/edi-x12' };

let nextControl = 1;
const envelope = (date = '2026-04-01') => ({
  controlNumbers: { interchange: nextControl, group: nextControl, transactions: [nextControl++] },
  usageIndicator: 'T' as const,
  date,
  time: '1200',
});
const parties = { sender: { id: 'PAYER' }, receiver: { id: 'PRACTICE' } };

export interface SentClaim {
  id: string;
  patientId: string;
  patientControlNumber: string;
  totalChargeCents: number;
  batchId: string;
  lines: { lineNumber: number; procedureCode: string; modifiers: string[]; units: number; chargeCents: number }[];
}

/** A ready claim submitted alone in a batch; answers it with its lines and batch. */
export async function sentClaim(t: TestApp, p: BillingPractice): Promise<SentClaim> {
  const c = await readyClaim(t, p);
  const b = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [c.id] });
  expect(b.statusCode, b.body).toBe(201);
  const claim = await t.as(p.org, 'biller').get(`/api/claims/${c.id}`);
  expect(claim.statusCode, claim.body).toBe(200);
  return { ...(claim.json() as Omit<SentClaim, 'batchId'>), batchId: (b.json() as { id: string }).id };
}

export type LineDecision = { paidCents: number; adjustments: CasAdjustment[]; remarkCodes?: string[] };

/** One CLP for a sent claim: each line's decision (charge − paid = Σ adjustments is the caller's job). */
export function clp(c: SentClaim, lines: LineDecision[], o: { statusCode?: string; sign?: 1 | -1 } = {}) {
  const sign = o.sign ?? 1;
  const svc = c.lines.map((l, i) => {
    const d = lines[i] ?? { paidCents: l.chargeCents, adjustments: [] };
    return {
      procedureCode: l.procedureCode,
      modifiers: l.modifiers,
      chargeCents: sign * l.chargeCents,
      paidCents: sign * d.paidCents,
      units: l.units,
      adjustments: d.adjustments.map((a) => ({ ...a, amountCents: sign * a.amountCents })),
      remarkCodes: d.remarkCodes ?? [],
      dateOfService: '2026-03-03',
    };
  });
  const pr = svc.flatMap((l) => l.adjustments).filter((a) => a.group === 'PR');
  return {
    patientControlNumber: c.patientControlNumber,
    statusCode: o.statusCode ?? '1',
    chargeCents: sign * c.totalChargeCents,
    paidCents: svc.reduce((s, l) => s + l.paidCents, 0),
    patientResponsibilityCents: pr.reduce((s, a) => s + a.amountCents, 0),
    payerClaimControlNumber: `PCN${c.patientControlNumber}`,
    adjustments: [],
    lines: svc,
  };
}

/** An 835 paying the given CLPs; BPR02 is their total less the PLB amounts unless `paymentCents` says otherwise. */
export function era(
  claims: ReturnType<typeof clp>[],
  o: { trace: string; plb?: { reasonCode: string; amountCents: number; reference?: string }[]; paymentCents?: number },
): string {
  const plb = (o.plb ?? []).map((p) => ({ providerId: '1234567893', fiscalPeriodDate: '2026-12-31', ...p }));
  const net = claims.reduce((s, c) => s + c.paidCents, 0) - plb.reduce((s, p) => s + p.amountCents, 0);
  const amount = o.paymentCents ?? net;
  return build835(
    {
      ...parties,
      payment: { amountCents: Math.abs(amount), creditDebit: amount < 0 ? 'D' : 'C', date: '2026-04-01' },
      traceNumber: o.trace,
      payer: { name: 'ACME HEALTH', id: '12345' },
      payee: { name: 'TEST PRACTICE', npi: '1234567893' },
      claims,
      providerAdjustments: plb,
    },
    envelope(),
  );
}

/** A 999 for batches (GS06 = ST02 = their numbers as our 837P writes them). */
export function ack999(batches: { groupControlNumber: number; transactionControlNumber: number; accepted: boolean }[]): string {
  return batches
    .map((b) =>
      build999(
        {
          ...parties,
          groupControlNumber: String(b.groupControlNumber),
          sets: [
            {
              controlNumber: String(b.transactionControlNumber).padStart(4, '0'),
              accepted: b.accepted,
              ...(b.accepted ? {} : { errors: [{ segmentId: 'NM1', position: 17, errorCode: '8' }] }),
            },
          ],
        },
        envelope(),
      ),
    )
    .join('');
}

export function ack277(claims: { patientControlNumber: string; status: [string, string, string?] }[]): string {
  return build277CA(
    {
      ...parties,
      payer: { name: 'ACME HEALTH', id: '12345' },
      date: '2026-03-10',
      claims: claims.map((c) => ({ ...c, chargeCents: '100', patient: { last: 'DOE', first: 'JANE', memberId: 'M1' } })),
    },
    envelope(),
  );
}
