/**
 * Claims test data: a practice that can bill (a location with billing NPI, TIN and address, a
 * payer with an EDI id, the procedure list), patients with a primary coverage, and visits
 * signed through the real API with their charges approved by the biller.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { npiWithCheckDigit } from '@domain/shared/validation.ts';
import { afterAll, expect } from 'vitest';
import { procedureList, TEST_PASSWORD, visitInState } from './encounter-fixtures.ts';
import type { TestOrg } from './factories.ts';
import { newPatient } from './scheduling-factories.ts';
import type { TestApp } from './test-app.ts';

export const BILLING_NPI = npiWithCheckDigit('123456789');

/** An outbox folder of the test file's own, removed after it: call before `createTestApp()` (the app reads CLAIMS_OUTBOX_DIR when built). */
export function temporaryClaimsOutbox(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-claims-outbox-'));
  process.env.CLAIMS_OUTBOX_DIR = dir;
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface BillingPractice {
  org: TestOrg;
  payerId: string;
}

export async function billingPractice(t: TestApp): Promise<BillingPractice> {
  const org = await t.newOrg();
  await procedureList(t.db, org);
  await t.db
    .updateTable('locations')
    .set({ billing_npi: BILLING_NPI, tin: '840123456', address_line1: '100 Main St', city: 'Denver', state: 'CO', postal_code: '80202' })
    .where('organization_id', '=', org.id)
    .execute();
  const payer = await t.as(org, 'admin').post('/api/payers', { name: 'Acme Health', ediPayerId: '60054', timelyFilingDays: 3650 });
  expect(payer.statusCode, payer.body).toBe(201);
  return { org, payerId: (payer.json() as { id: string }).id };
}

/** A patient with sex, address and a primary coverage from 2026-01-01 (or `coverage` dates). */
export async function billablePatient(
  t: TestApp,
  p: BillingPractice,
  o: { restricted?: boolean; sex?: 'female' | 'male'; effectiveDate?: string; terminationDate?: string } = {},
): Promise<{ patientId: string; coverageId: string }> {
  const patientId = await newPatient(t.db, p.org, { restricted: o.restricted ?? false });
  await t.db
    .updateTable('patients')
    .set({
      sex: o.sex ?? 'female',
      address: JSON.stringify({ line1: '12 Elm St', line2: null, city: 'Denver', state: 'CO', postalCode: '80203' }),
    })
    .where('id', '=', patientId)
    .execute();
  const cov = await t.as(p.org, 'admin').post(`/api/patients/${patientId}/coverages`, {
    payerId: p.payerId,
    memberId: `MEM${patientId.slice(0, 8)}`,
    priority: 'primary',
    effectiveDate: o.effectiveDate ?? '2026-01-01',
    ...(o.terminationDate ? { terminationDate: o.terminationDate } : {}),
  });
  expect(cov.statusCode, cov.body).toBe(201);
  return { patientId, coverageId: (cov.json() as { id: string }).id };
}

type Line = { code: string; modifiers?: string[]; units?: number; diagnosisPointers: number[] };

/** Open, code and sign a visit (2026-03-03) through the API; approve its charges unless `approve: false`. */
export async function signedVisit(
  t: TestApp,
  org: TestOrg,
  patientId: string,
  procedures: Line[] = [
    { code: '99213', diagnosisPointers: [1, 2] },
    { code: '36415', diagnosisPointers: [1] },
  ],
  o: { approve?: boolean; diagnoses?: string[] } = {},
): Promise<{ encounterId: string; chargeIds: string[] }> {
  const visit = await visitInState(t.db, org, patientId, { status: 'roomed' });
  const opened = await t.as(org, 'clinician').post('/api/encounters', {
    patientId,
    providerId: org.providerId,
    locationId: org.locationId,
    appointmentId: visit.id,
  });
  expect(opened.statusCode, opened.body).toBe(201);
  const enc = opened.json() as { id: string; version: number };
  const coded = await t.as(org, 'clinician').patch(
    `/api/encounters/${enc.id}`,
    {
      note: { assessment: 'Hypertension; type 2 diabetes.' },
      diagnoses: (o.diagnoses ?? ['I10', 'E11.9']).map((code) => ({ code })),
      procedures,
    },
    { 'if-match': `"${enc.version}"` },
  );
  expect(coded.statusCode, coded.body).toBe(200);
  const signed = await t.as(org, 'clinician').post(`/api/encounters/${enc.id}/sign`, { password: TEST_PASSWORD });
  expect(signed.statusCode, signed.body).toBe(200);
  const charges = await t.as(org, 'biller').get(`/api/charges?encounterId=${enc.id}`);
  expect(charges.statusCode, charges.body).toBe(200);
  const items = (charges.json() as { items: { id: string; status: string; version: number }[] }).items;
  expect(items.length).toBe(procedures.length);
  if (o.approve !== false)
    for (const c of items) {
      const res = await t.as(org, 'biller').post(`/api/charges/${c.id}/approve`, undefined, { 'if-match': `"${c.version}"` });
      expect(res.statusCode, res.body).toBe(200);
    }
  return { encounterId: enc.id, chargeIds: items.map((c) => c.id) };
}

/** Build, scrub (to ready) through the API; answers the claim. */
export async function readyClaim(t: TestApp, p: BillingPractice, o: { restricted?: boolean } = {}) {
  const { patientId } = await billablePatient(t, p, o);
  const { encounterId } = await signedVisit(t, p.org, patientId);
  const res = await t.as(p.org, 'biller').post('/api/claims', { encounterId });
  expect(res.statusCode, res.body).toBe(201);
  const claim = res.json() as { id: string; patientControlNumber: string; totalChargeCents: number };
  const scrub = await t.as(p.org, 'biller').post(`/api/claims/${claim.id}/scrub`);
  expect(scrub.statusCode, scrub.body).toBe(200);
  expect(scrub.json()).toEqual({ errors: [], warnings: [] });
  return { ...claim, patientId, encounterId };
}
