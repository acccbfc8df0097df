/**
 * Eligibility: the 270 built for a coverage (read back by our parser: payer, member, trace,
 * control numbers from the practice counter shared with 837P batches), every public 271 sample
 * imported or refused with its known fault (tests/fixtures/x12/README.md), amounts in integer
 * cents, a second import stored once, a trace never sent (or another practice's) refused, and
 * the latest answer on the coverage. Front desk may; clinicians may not.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse270 } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { type BillingPractice, billablePatient, billingPractice, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();
const FIXTURES = path.join(import.meta.dirname, '../fixtures/x12/271');
const sample = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const SAMPLE_TRACE = '93175-012547';
const X12 = { 'content-type': 'application/edi-x12' };

async function inquiry(p: BillingPractice, role: 'front_desk' | 'biller' = 'front_desk') {
  const { patientId, coverageId } = await billablePatient(t, p);
  const res = await t
    .as(p.org, role)
    .post(`/api/patients/${patientId}/coverages/${coverageId}/eligibility-requests`, { serviceDate: '2026-03-03' });
  expect(res.statusCode, res.body).toBe(201);
  return {
    patientId,
    coverageId,
    request: res.json() as { id: string; traceNumber: string; interchangeControlNumber: number; x12: string },
  };
}

/** The public samples echo trace 93175-012547: give our inquiry that trace, as if we had sent it. */
async function asSampleTrace(requestId: string) {
  await t.db.updateTable('eligibility_requests').set({ trace_number: SAMPLE_TRACE }).where('id', '=', requestId).execute();
}

/** A 271 for `trace` with the given EB segments (envelope from the public sample, SE count recomputed). */
function custom271(trace: string, benefits: string[]): string {
  const segments = sample('lfh-subscriber-health-benefit-check.271')
    .split('~')
    .map((s) => s.replace(/^\s+/, ''))
    .filter((s) => s !== '');
  const st = segments.findIndex((s) => s.startsWith('ST*'));
  const firstEb = segments.findIndex((s) => s.startsWith('EB*'));
  const se = segments.findIndex((s) => s.startsWith('SE*'));
  const body = [...segments.slice(st, firstEb).map((s) => (s.startsWith('TRN*2*') ? `TRN*2*${trace}*9877281234` : s)), ...benefits];
  return [...segments.slice(0, st), ...body, `SE*${body.length + 1}*4321`, ...segments.slice(se + 1)].map((s) => `${s}~`).join('\n');
}

describe('eligibility 270/271', () => {
  it('builds the 270 for a coverage with control numbers from the practice counter', async () => {
    const p = await billingPractice(t);
    const { coverageId, request } = await inquiry(p);
    const parsed = parse270(request.x12);
    expect(parsed.requests).toHaveLength(1);
    const r = parsed.requests[0];
    expect(r?.traceNumber).toBe(request.traceNumber);
    expect(request.traceNumber).toBe(`CD${String(request.interchangeControlNumber).padStart(9, '0')}`);
    expect(r?.payer).toEqual({ name: 'ACME HEALTH', payerId: '60054' });
    expect(r?.subscriber.memberId).toMatch(/^MEM/);
    expect(r?.dependent).toBeUndefined();
    expect(r?.serviceDate).toBe('2026-03-03');
    expect(request.x12).toContain(`*${String(request.interchangeControlNumber).padStart(9, '0')}*`);
    // The next one takes the next number.
    const again = await t
      .as(p.org, 'biller')
      .post(`/api/patients/${(await billablePatient(t, p)).patientId}/coverages/${coverageId}/eligibility-requests`, {});
    expect(again.statusCode).toBe(404); // the coverage is the other patient's
    const second = await inquiry(p, 'biller');
    expect(second.request.interchangeControlNumber).toBe(request.interchangeControlNumber + 1);
    // Clinicians may not; the audit row names the patient.
    const clin = await t
      .as(p.org, 'clinician')
      .post(`/api/patients/${second.patientId}/coverages/${second.coverageId}/eligibility-requests`, {});
    expect(clin.statusCode).toBe(403);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['patient_id'])
      .where('resource_type', '=', 'eligibility_request')
      .where('resource_id', '=', second.request.id)
      .execute();
    expect(audit).toEqual([{ patient_id: second.patientId }]);
  });

  it('imports the public subscriber 271: active, the in-network copay in cents, the plan; once only; shown on the coverage', async () => {
    const p = await billingPractice(t);
    const { patientId, coverageId, request } = await inquiry(p);
    await asSampleTrace(request.id);
    const res = await t.as(p.org, 'front_desk').post('/api/eligibility-responses', sample('lfh-subscriber-health-benefit-check.271'), X12);
    expect(res.statusCode, res.body).toBe(201);
    const [result] = res.json().results;
    expect(result).toMatchObject({
      requestId: request.id,
      coverageId,
      traceNumber: SAMPLE_TRACE,
      status: 'active',
      planName: 'GOLD 123 PLAN',
      copayCents: 1000,
      deductibleCents: null,
      rejectionReasons: [],
      alreadyImported: false,
    });
    const again = await t.as(p.org, 'biller').post('/api/eligibility-responses', sample('lfh-subscriber-health-benefit-check.271'), X12);
    expect(again.statusCode).toBe(201);
    expect(again.json().results[0]).toMatchObject({ id: result.id, alreadyImported: true });
    const rows = await t.db.selectFrom('eligibility_responses').select('id').where('request_id', '=', request.id).execute();
    expect(rows).toHaveLength(1);
    const shown = await t.as(p.org, 'front_desk').get(`/api/patients/${patientId}/coverages/${coverageId}/eligibility`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().latest).toMatchObject({
      id: result.id,
      status: 'active',
      copayCents: 1000,
      checkedOn: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
    });
    expect(shown.json().lastRequest).toMatchObject({ id: request.id });
  });

  it('imports the public dependent 271 and refuses the one with the wrong SE02, storing nothing', async () => {
    const p = await billingPractice(t);
    const { request } = await inquiry(p);
    await asSampleTrace(request.id);
    const bad = await t
      .as(p.org, 'biller')
      .post('/api/eligibility-responses', sample('lfh-subscriber-health-benefit-check-error.271'), X12);
    expect(bad.statusCode, bad.body).toBe(400);
    expect(bad.json().detail).toMatch(/SE02|4323/);
    expect(bad.json().errors[0].path).toMatch(/^segments\.\d+$/);
    expect(await t.db.selectFrom('eligibility_responses').select('id').where('request_id', '=', request.id).execute()).toEqual([]);
    const dep = await t.as(p.org, 'biller').post('/api/eligibility-responses', sample('lfh-dependent-health-benefit-check.271'), X12);
    expect(dep.statusCode, dep.body).toBe(201);
    expect(dep.json().results[0]).toMatchObject({ requestId: request.id, status: 'active', copayCents: 1000 });
  });

  it('keeps deductible, out-of-pocket and what remains in integer cents, coinsurance in basis points', async () => {
    const p = await billingPractice(t);
    const { request } = await inquiry(p);
    const text = custom271(request.traceNumber, [
      'EB*1**30**SILVER PPO',
      'EB*C*IND*30***23*1500.00*****Y',
      'EB*C*IND*30***29*412.37*****Y',
      'EB*C*FAM*30***23*3000.00*****Y',
      'EB*A*IND*30***27**0.2****Y',
      'EB*B*IND*98***27*25.00*****Y',
      'EB*G*IND*30***23*6000.00*****Y',
      'EB*G*IND*30***29*5587.63*****Y',
    ]);
    const res = await t.as(p.org, 'biller').post('/api/eligibility-responses', text, X12);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().results[0]).toMatchObject({
      status: 'active',
      planName: 'SILVER PPO',
      copayCents: 2500,
      coinsuranceBasisPoints: 2000,
      deductibleCents: 150000,
      deductibleRemainingCents: 41237,
      outOfPocketCents: 600000,
      outOfPocketRemainingCents: 558763,
    });
    // Inactive coverage, and a rejection (AAA) with its reason code.
    const { request: r2 } = await inquiry(p);
    const inactive = await t.as(p.org, 'biller').post('/api/eligibility-responses', custom271(r2.traceNumber, ['EB*6**30']), X12);
    expect(inactive.json().results[0]).toMatchObject({ status: 'inactive', copayCents: null });
    const { request: r3 } = await inquiry(p);
    const rejected = await t.as(p.org, 'biller').post('/api/eligibility-responses', custom271(r3.traceNumber, ['AAA*N**72*C']), X12);
    expect(rejected.json().results[0]).toMatchObject({ status: 'rejected', rejectionReasons: ['72'] });
  });

  it("refuses a trace we never sent and another practice's inquiry (409), 404 for another practice's coverage, and non-X12 bodies", async () => {
    const mine = await billingPractice(t);
    const theirs = await billingPractice(t);
    const foreign = await inquiry(theirs);
    const unknown = await t.as(mine.org, 'biller').post('/api/eligibility-responses', custom271('CD999999999', ['EB*1**30']), X12);
    expect(unknown.statusCode).toBe(409);
    const stolen = await t
      .as(mine.org, 'biller')
      .post('/api/eligibility-responses', custom271(foreign.request.traceNumber, ['EB*1**30']), X12);
    expect(stolen.statusCode).toBe(409);
    expect(await t.db.selectFrom('eligibility_responses').select('id').where('request_id', '=', foreign.request.id).execute()).toEqual([]);
    expect(
      (await t.as(mine.org, 'biller').get(`/api/patients/${foreign.patientId}/coverages/${foreign.coverageId}/eligibility`)).statusCode,
    ).toBe(404);
    expect(
      (await t.as(mine.org, 'biller').post(`/api/patients/${foreign.patientId}/coverages/${foreign.coverageId}/eligibility-requests`, {}))
        .statusCode,
    ).toBe(404);
    const json = await t.as(mine.org, 'biller').post('/api/eligibility-responses', { x12: 'ISA' });
    expect(json.statusCode).toBe(415);
    expect(
      (await t.as(mine.org, 'clinician').get(`/api/patients/${foreign.patientId}/coverages/${foreign.coverageId}/eligibility`)).statusCode,
    ).toBe(403);
  });
});
