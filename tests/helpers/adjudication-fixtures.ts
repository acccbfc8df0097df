/**
 * A payer's decision on a submitted claim, posted as the payer's 835 through the API, for tests of
 * what comes after the primary payer: secondary claims, replacements, write-offs, appeal letters.
 */
import { randomBytes } from 'node:crypto';
import { build835 } from '@x12/index.ts';
import { expect } from 'vitest';
import type { TestOrg } from './factories.ts';
import type { TestApp } from './test-app.ts';

export interface Cas {
  group: string;
  reasonCode: string;
  amountCents: number;
}

export interface Decision {
  status: 'paid' | 'partially_paid' | 'denied';
  payerClaimControlNumber?: string;
  paidDate?: string;
  patientResponsibilityCents?: number;
  adjustments?: Cas[];
  lines: { lineNumber: number; paidCents: number; adjustments: Cas[]; remarkCodes?: string[] }[];
}

/** Submit a ready claim in a batch through the API. */
export async function submitClaim(t: TestApp, org: TestOrg, claimId: string): Promise<void> {
  const res = await t.as(org, 'biller').post('/api/claim-batches', { claimIds: [claimId] });
  expect(res.statusCode, res.body).toBe(201);
}

/** Post a decision to a submitted claim: an 835 with one payment for it, imported through `POST /api/remittances`. */
export async function adjudicate(t: TestApp, org: TestOrg, claimId: string, d: Decision): Promise<void> {
  const claim = await t.db
    .selectFrom('claims')
    .select(['patient_control_number', 'total_charge_cents'])
    .where('id', '=', claimId)
    .executeTakeFirstOrThrow();
  const lines = await t.db.selectFrom('claim_lines').selectAll().where('claim_id', '=', claimId).orderBy('line_number').execute();
  const paid = d.lines.reduce((s, l) => s + l.paidCents, 0);
  const date = d.paidDate ?? '2026-04-01';
  const x12 = build835(
    {
      sender: { id: 'ACMEHEALTH' },
      receiver: { id: 'CLINICDESK' },
      payment: { amountCents: paid, creditDebit: 'C', method: paid ? 'ACH' : 'NON', date },
      traceNumber: `TRN${randomBytes(4).toString('hex')}`,
      payer: { name: 'Acme Health', id: '60054' },
      payee: { name: 'Test practice', npi: '1234567893' },
      claims: [
        {
          patientControlNumber: claim.patient_control_number,
          statusCode: d.status === 'denied' ? '4' : '1',
          chargeCents: Number(claim.total_charge_cents),
          paidCents: paid,
          patientResponsibilityCents: d.patientResponsibilityCents ?? 0,
          ...(d.payerClaimControlNumber ? { payerClaimControlNumber: d.payerClaimControlNumber } : {}),
          adjustments: d.adjustments ?? [],
          lines: d.lines.map((l) => {
            const billed = lines.find((x) => x.line_number === l.lineNumber);
            if (!billed) throw new Error(`claim line ${l.lineNumber} does not exist`);
            return {
              procedureCode: billed.procedure_code,
              modifiers: billed.modifiers,
              chargeCents: Number(billed.charge_cents),
              paidCents: l.paidCents,
              units: billed.units,
              adjustments: l.adjustments,
              remarkCodes: l.remarkCodes ?? [],
            };
          }),
        },
      ],
    },
    { controlNumbers: { interchange: 1, group: 1, transactions: [1] }, usageIndicator: 'T', date, time: '1200' },
  );
  const res = await t.as(org, 'biller').post('/api/remittances', x12, { 'content-type': 'application/edi-x12' });
  expect(res.statusCode, res.body).toBe(201);
  expect(res.json()).toMatchObject({ claimsPosted: 1, claimsUnmatched: 0 });
  const after = await t.db.selectFrom('claims').select('status').where('id', '=', claimId).executeTakeFirstOrThrow();
  expect(after.status).toBe(d.status);
}
