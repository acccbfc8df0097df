/**
 * Secondary claims: refused (409 naming why) until the primary payer's remittance is posted; then
 * built with SBR01 = S and the primary's decision frozen in the claim (loops 2320/2330A/2330B with
 * AMT*D and claim-level CAS, 2430 per line with SVD, CAS and DTP*573). The batch's 837P parses with
 * node-x12 and round-trips through our reader to the same otherPayers.
 */
import { parse837P } from '@x12/index.ts';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import { adjudicate, submitClaim } from '../helpers/adjudication-fixtures.ts';
import { billablePatient, billingPractice, signedVisit, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();

type Segment = { tag: string; elements: { value: string }[] };

describe('a secondary claim after the primary payer', () => {
  it('waits for the primary remittance, then bills the secondary payer with what the primary decided', async () => {
    const p = await billingPractice(t);
    const { patientId, coverageId: primaryCoverageId } = await billablePatient(t, p);
    const second = await t.as(p.org, 'admin').post('/api/payers', { name: 'Beta Mutual', ediPayerId: '77777', timelyFilingDays: 3650 });
    expect(second.statusCode, second.body).toBe(201);
    const cov = await t.as(p.org, 'admin').post(`/api/patients/${patientId}/coverages`, {
      payerId: second.json().id,
      memberId: 'BETA0001',
      groupNumber: 'GRP9',
      priority: 'secondary',
      effectiveDate: '2026-01-01',
    });
    expect(cov.statusCode, cov.body).toBe(201);
    const secondaryCoverageId = cov.json().id as string;
    const { encounterId } = await signedVisit(t, p.org, patientId);

    // No primary claim yet: 409 naming why.
    let res = await t.as(p.org, 'biller').post('/api/claims', { encounterId, coverageId: secondaryCoverageId });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toMatch(/primary payer's decision first: the visit has no primary claim/);
    expect(res.json().errors).toEqual([{ path: 'coverageId', message: expect.any(String) }]);

    const primaryRes = await t.as(p.org, 'biller').post('/api/claims', { encounterId });
    expect(primaryRes.statusCode, primaryRes.body).toBe(201);
    const primary = primaryRes.json() as { id: string; patientControlNumber: string; coverageId: string; lines: { chargeCents: number }[] };
    expect(primary.coverageId).toBe(primaryCoverageId);
    expect(primary.lines.map((l) => l.chargeCents)).toEqual([15_000, 1_500]);
    expect((await t.as(p.org, 'biller').post(`/api/claims/${primary.id}/scrub`)).json()).toEqual({ errors: [], warnings: [] });
    await submitClaim(t, p.org, primary.id);

    // Submitted but not adjudicated: still 409, naming the primary claim; nothing is built.
    res = await t.as(p.org, 'biller').post('/api/claims', { encounterId, coverageId: secondaryCoverageId });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json().detail).toContain(`claim ${primary.patientControlNumber} (submitted) has no remittance posted`);
    const count = await t.db.selectFrom('claims').select('id').where('encounter_id', '=', encounterId).execute();
    expect(count).toHaveLength(1);

    // The primary pays line 1 in part (contractual and a copay) and denies line 2.
    await adjudicate(t, p.org, primary.id, {
      status: 'partially_paid',
      payerClaimControlNumber: 'ACME2026000123',
      paidDate: '2026-04-02',
      patientResponsibilityCents: 2_000,
      adjustments: [{ group: 'OA', reasonCode: '23', amountCents: 0 }],
      lines: [
        {
          lineNumber: 1,
          paidCents: 9_000,
          adjustments: [
            { group: 'CO', reasonCode: '45', amountCents: 4_000 },
            { group: 'PR', reasonCode: '3', amountCents: 2_000 },
          ],
          remarkCodes: ['N130'],
        },
        { lineNumber: 2, paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '97', amountCents: 1_500 }] },
      ],
    });

    res = await t.as(p.org, 'biller').post('/api/claims', { encounterId, coverageId: secondaryCoverageId });
    expect(res.statusCode, res.body).toBe(201);
    const secondary = res.json() as {
      id: string;
      patientControlNumber: string;
      coveragePriority: string;
      payerName: string;
      otherPayers: unknown[];
    };
    const expectedOtherPayer = {
      claimId: primary.id,
      patientControlNumber: primary.patientControlNumber,
      payerClaimControlNumber: 'ACME2026000123',
      responsibility: 'P',
      payer: { name: 'Acme Health', ediPayerId: '60054' },
      subscriber: expect.objectContaining({ memberId: `MEM${patientId.slice(0, 8)}`, relationship: '18' }),
      paidCents: 9_000,
      patientResponsibilityCents: 2_000,
      adjudicationDate: '2026-04-02',
      adjustments: [{ group: 'OA', reasonCode: '23', amountCents: 0 }],
      lines: [
        {
          lineNumber: 1,
          paidCents: 9_000,
          adjustments: [
            { group: 'CO', reasonCode: '45', amountCents: 4_000 },
            { group: 'PR', reasonCode: '3', amountCents: 2_000 },
          ],
          remarkCodes: ['N130'],
        },
        { lineNumber: 2, paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '97', amountCents: 1_500 }], remarkCodes: [] },
      ],
    };
    expect(secondary).toMatchObject({ coveragePriority: 'secondary', payerName: 'Beta Mutual', otherPayers: [expectedOtherPayer] });

    // A second claim to the secondary payer for the visit: 409.
    expect((await t.as(p.org, 'biller').post('/api/claims', { encounterId, coverageId: secondaryCoverageId })).statusCode).toBe(409);

    // The primary's claim on the same visit is not a duplicate: the secondary scrubs clean.
    expect((await t.as(p.org, 'biller').post(`/api/claims/${secondary.id}/scrub`)).json()).toEqual({ errors: [], warnings: [] });

    // A later posting to the primary does not change what the secondary claim bills (its snapshot).
    await adjudicate(t, p.org, primary.id, {
      status: 'paid',
      lines: [{ lineNumber: 2, paidCents: 1_000, adjustments: [] }],
    });
    const reread = await t.as(p.org, 'biller').get(`/api/claims/${secondary.id}`);
    expect(reread.json().otherPayers).toEqual([expect.objectContaining({ paidCents: 9_000, adjudicationDate: '2026-04-02' })]);

    const batch = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [secondary.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    const text = (await t.as(p.org, 'biller').get(`/api/claim-batches/${batch.json().id}/837`)).body;

    // Our reader: SBR01 = S and the same otherPayers as built.
    const [c837] = parse837P(text).batch.claims;
    expect(c837?.patientControlNumber).toBe(secondary.patientControlNumber);
    expect(c837?.subscriber.payerResponsibility).toBe('S');
    expect(c837?.subscriber.memberId).toBe('BETA0001');
    expect(c837?.payer.payerId).toBe('77777');
    expect(c837?.otherPayers).toEqual([
      {
        responsibility: 'P',
        relationship: '18',
        claimFilingIndicator: 'CI',
        subscriber: { memberId: `MEM${patientId.slice(0, 8)}`, name: expect.objectContaining({ first: 'Test' }) },
        payer: { name: 'Acme Health', payerId: '60054' },
        paidCents: 9_000,
        adjustments: [{ group: 'OA', reasonCode: '23', amountCents: 0 }],
        adjudicationDate: '2026-04-02',
        lines: [
          {
            lineNumber: 1,
            paidCents: 9_000,
            adjustments: [
              { group: 'CO', reasonCode: '45', amountCents: 4_000 },
              { group: 'PR', reasonCode: '3', amountCents: 2_000 },
            ],
          },
          { lineNumber: 2, paidCents: 0, adjustments: [{ group: 'CO', reasonCode: '97', amountCents: 1_500 }] },
        ],
      },
    ]);

    // node-x12, independently: the two SBRs, AMT*D, two SVDs naming the primary payer, DTP*573 dates.
    const ic = new X12Parser(true).parse(text) as unknown as {
      functionalGroups: { transactions: { trailer: { elements: { value: string }[] }; segments: Segment[] }[] }[];
    };
    const [tx] = ic.functionalGroups.flatMap((g) => g.transactions);
    const segments = tx?.segments ?? [];
    const v = (s: Segment | undefined, i: number) => s?.elements[i - 1]?.value;
    expect(segments.filter((s) => s.tag === 'SBR').map((s) => v(s, 1))).toEqual(['S', 'P']);
    const amt = segments.find((s) => s.tag === 'AMT' && v(s, 1) === 'D');
    expect(Math.round(Number(v(amt, 2)) * 100)).toBe(9_000);
    const svd = segments.filter((s) => s.tag === 'SVD');
    expect(svd.map((s) => [v(s, 1), Math.round(Number(v(s, 2)) * 100)])).toEqual([
      ['60054', 9_000],
      ['60054', 0],
    ]);
    expect(segments.filter((s) => s.tag === 'DTP' && v(s, 1) === '573').map((s) => v(s, 3))).toEqual(['20260402', '20260402', '20260402']);
    const cas = segments.filter((s) => s.tag === 'CAS').map((s) => [v(s, 1), v(s, 2)]);
    expect(cas).toEqual([
      ['OA', '23'],
      ['CO', '45'],
      ['PR', '3'],
      ['CO', '97'],
    ]);
    expect(Number(tx?.trailer.elements[0]?.value)).toBe(segments.length + 2);
  });

  it('answers 404 for a coverage of another practice and 403 to the front desk', async () => {
    const p = await billingPractice(t);
    const other = await billingPractice(t);
    const { patientId } = await billablePatient(t, p);
    const { coverageId: foreignCoverage } = await billablePatient(t, other);
    const { encounterId } = await signedVisit(t, p.org, patientId);
    const res = await t.as(p.org, 'biller').post('/api/claims', { encounterId, coverageId: foreignCoverage });
    expect(res.statusCode, res.body).toBe(404);
    expect((await t.as(p.org, 'front_desk').post('/api/claims', { encounterId })).statusCode).toBe(403);
  });
});
