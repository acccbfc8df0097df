/**
 * What an 837P batch says about each claim beyond the lifecycle test: the payer's claim filing
 * indicator (SBR09, kept on the payer, snapshotted on the claim), one 2000A loop per billing
 * provider when a batch holds claims of two locations' billing NPIs, and REF*6R on every line
 * (the patient control number and the line number) so an 835's REF*6R maps back to the line.
 */
import { parse837P, readX12 } from '@x12/index.ts';
import { sql } from 'kysely';
import { X12Parser } from 'node-x12';
import { describe, expect, it } from 'vitest';
import {
  BILLING_NPI,
  billablePatient,
  billingPractice,
  readyClaim,
  signedVisit,
  temporaryClaimsOutbox,
} from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { npiWithCheckDigit } from '@domain/shared/validation.ts';

temporaryClaimsOutbox(); // before the app is built: it reads CLAIMS_OUTBOX_DIR
const t = await createTestApp();

describe('claim filing indicator (SBR09)', () => {
  it('is kept on the payer (a zod enum), snapshotted on the claim, and written in SBR09', async () => {
    const p = await billingPractice(t);
    const admin = t.as(p.org, 'admin');
    const payers = (await admin.get('/api/payers')).json() as { items: { id: string; claimFilingIndicator: string; version: number }[] };
    const payer = payers.items.find((x) => x.id === p.payerId) as { claimFilingIndicator: string; version: number };
    expect(payer.claimFilingIndicator).toBe('CI');
    const bad = await admin.patch(`/api/payers/${p.payerId}`, { claimFilingIndicator: 'XX' }, { 'if-match': `"${payer.version}"` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('claimFilingIndicator');
    const medicare = await admin.patch(`/api/payers/${p.payerId}`, { claimFilingIndicator: 'MB' }, { 'if-match': `"${payer.version}"` });
    expect(medicare.statusCode, medicare.body).toBe(200);
    expect(medicare.json().claimFilingIndicator).toBe('MB');
    const created = await admin.post('/api/payers', { name: 'State Medicaid', ediPayerId: 'SKCO0', claimFilingIndicator: 'MC' });
    expect(created.json()).toMatchObject({ claimFilingIndicator: 'MC' });

    const claim = await readyClaim(t, p);
    expect((await t.as(p.org, 'biller').get(`/api/claims/${claim.id}`)).json().claimFilingIndicator).toBe('MB');
    // The payer changes later: the claim keeps what it was built with.
    await admin.patch(`/api/payers/${p.payerId}`, { claimFilingIndicator: 'HM' }, { 'if-match': `"${payer.version + 1}"` });
    const batch = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [claim.id] });
    expect(batch.statusCode, batch.body).toBe(201);
    const text = (await t.as(p.org, 'biller').get(`/api/claim-batches/${batch.json().id}/837`)).body;
    const sbr = readX12(text).interchanges[0]?.groups[0]?.transactions[0]?.segments.find((s) => s.id === 'SBR');
    expect(sbr?.elements[9]).toBe('MB');
    expect(parse837P(text).batch.claims[0]?.subscriber.claimFilingIndicator).toBe('MB');
  });
});

describe('batches of two billing providers', () => {
  it('emit one 2000A per billing provider with its claims under it (HL parents right), REF*6R per line; three readers agree', async () => {
    const p = await billingPractice(t);
    const a = await readyClaim(t, p);
    const b = await readyClaim(t, p);
    const c = await readyClaim(t, p);
    // Claim b was billed at a second location with its own billing NPI and TIN (as its snapshot records).
    const annexNpi = npiWithCheckDigit('198765432');
    await sql`update claim_snapshots set snapshot = jsonb_set(jsonb_set(snapshot, '{billingProvider,npi}', ${JSON.stringify(annexNpi)}::jsonb),
      '{billingProvider,tin}', '"840999999"'::jsonb) where claim_id = ${b.id}`.execute(t.db);
    const res = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: [a.id, b.id, c.id] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().claimCount).toBe(3);
    const text = (await t.as(p.org, 'biller').get(`/api/claim-batches/${res.json().id}/837`)).body;

    const segments = readX12(text).interchanges[0]?.groups[0]?.transactions[0]?.segments ?? [];
    const hl = segments.filter((s) => s.id === 'HL').map((s) => s.elements.slice(1, 4));
    const providers = hl.filter(([, , level]) => level === '20');
    expect(providers.map(([id, parent]) => [id, parent])).toEqual([
      ['1', ''],
      [expect.any(String), ''],
    ]);
    // Every subscriber HL points at a billing provider HL, and the annex's has exactly one.
    const providerIds = providers.map(([id]) => id);
    const subscribers = hl.filter(([, , level]) => level === '22');
    expect(subscribers).toHaveLength(3);
    for (const [, parent] of subscribers) expect(providerIds).toContain(parent);
    // Billing providers in the order of their 2000A loops (whichever claim came first).
    const billing = segments.filter((s) => s.id === 'NM1' && s.elements[1] === '85').map((s) => s.elements[9]);
    expect([...billing].sort()).toEqual([BILLING_NPI, annexNpi].sort());
    const annexHl = providerIds[billing.indexOf(annexNpi)];
    expect(subscribers.filter(([, parent]) => parent === annexHl)).toHaveLength(1);

    const parsed = parse837P(text);
    // Each claim read back under its own billing provider (the first 2000A's is the batch's).
    const billedBy = (x: (typeof parsed.batch.claims)[number]) => x.billingProvider ?? parsed.batch.billingProvider;
    const annexClaims = parsed.batch.claims.filter((x) => billedBy(x).npi === annexNpi);
    expect(annexClaims.map((x) => x.patientControlNumber)).toEqual([b.patientControlNumber]);
    expect(billedBy(annexClaims[0] as (typeof parsed.batch.claims)[number])).toMatchObject({ npi: annexNpi, taxId: '840999999' });
    // REF*6R: the patient control number and line number of every line.
    for (const claim of parsed.batch.claims)
      expect(claim.lines.map((l) => l.lineItemControlNumber)).toEqual(claim.lines.map((_, i) => `${claim.patientControlNumber}-${i + 1}`));

    // node-x12: the same claims, the SE count right.
    const ic = new X12Parser(true).parse(text) as unknown as {
      functionalGroups: {
        transactions: { trailer: { elements: { value: string }[] }; segments: { tag: string; elements: { value: string }[] }[] }[];
      }[];
    };
    const [tx] = ic.functionalGroups.flatMap((g) => g.transactions);
    expect(
      tx?.segments
        .filter((s) => s.tag === 'CLM')
        .map((s) => s.elements[0]?.value)
        .sort(),
    ).toEqual([a, b, c].map((x) => x.patientControlNumber).sort());
    expect(tx?.segments.filter((s) => s.tag === 'HL' && s.elements[2]?.value === '20')).toHaveLength(2);
    expect(Number(tx?.trailer.elements[0]?.value)).toBe((tx?.segments.length ?? 0) + 2);
  });

  it('takes up to 10,000 claims in a request and refuses more (400 naming claimIds)', async () => {
    const p = await billingPractice(t);
    const { patientId } = await billablePatient(t, p);
    await signedVisit(t, p.org, patientId);
    const ids = Array.from({ length: 10_001 }, () => crypto.randomUUID());
    const res = await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: ids });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('claimIds');
    // 10,000 are read (and here, being unknown, not found).
    expect((await t.as(p.org, 'biller').post('/api/claim-batches', { claimIds: ids.slice(1) })).statusCode).toBe(404);
  });
});
