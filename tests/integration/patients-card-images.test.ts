/**
 * The API contracts the chart's insurance tab and demographics editor rely on: card images
 * linked to a coverage of the same patient only; a 412 that names who changed what, after
 * which re-sending only one's own fields with the new ETag keeps the other person's change;
 * validation errors with the form's field paths.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-cards-'));
process.env.DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const { createTestApp } = await import('../helpers/test-app.ts');
const t = await createTestApp();

// A 1×1 PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function patient(org: TestOrg, given: string, family = 'Quarterfield') {
  const res = await t
    .as(org, 'front_desk')
    .post('/api/patients', { givenName: given, familyName: family, birthDate: '1979-04-02', confirmNotDuplicate: true });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function coverage(org: TestOrg, patientId: string) {
  const payer = await t.as(org, 'biller').post('/api/payers', { name: `Payer ${patientId.slice(0, 6)}`, timelyFilingDays: 90 });
  expect(payer.statusCode, payer.body).toBe(201);
  const res = await t.as(org, 'front_desk').post(`/api/patients/${patientId}/coverages`, {
    payerId: payer.json().id,
    memberId: 'ZQ123',
    priority: 'primary',
    effectiveDate: '2026-01-01',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

function upload(org: TestOrg, patientId: string, query: string) {
  return t.app.inject({
    method: 'POST',
    url: `/api/patients/${patientId}/documents?${query}`,
    headers: { authorization: `Bearer ${org.users.front_desk.token}`, 'content-type': 'image/png' },
    payload: PNG,
  });
}

function patch(org: TestOrg, role: 'front_desk' | 'nurse', id: string, etag: string, body: Record<string, unknown>) {
  return t.app.inject({
    method: 'PATCH',
    url: `/api/patients/${id}`,
    headers: { authorization: `Bearer ${org.users[role].token}`, 'if-match': etag },
    payload: body,
  });
}

describe('insurance card images', () => {
  it("links a card image to the patient's coverage and lists it under that coverage", async () => {
    const org = await t.newOrg();
    const pt = await patient(org, 'Zebulon');
    const cov = await coverage(org, pt.id);
    const up = await upload(org, pt.id, `category=insurance_card&fileName=card.png&coverageId=${cov.id}`);
    expect(up.statusCode, up.body).toBe(201);
    expect(up.json()).toMatchObject({ coverageId: cov.id, category: 'insurance_card', contentType: 'image/png' });
    await upload(org, pt.id, 'category=id&fileName=license.png');
    const linked = await t.as(org, 'front_desk').get(`/api/patients/${pt.id}/documents?coverageId=${cov.id}`);
    expect(linked.json().items.map((d: { fileName: string }) => d.fileName)).toEqual(['card.png']);
    const all = await t.as(org, 'front_desk').get(`/api/patients/${pt.id}/documents`);
    expect(
      all
        .json()
        .items.map((d: { coverageId: string | null }) => d.coverageId)
        .sort(),
    ).toEqual([cov.id, null].sort());
  });

  it("refuses another patient's or another practice's coverage, and stores nothing", async () => {
    const org = await t.newOrg();
    const mine = await patient(org, 'Zebulon');
    const theirs = await patient(org, 'Ottoline');
    const theirCoverage = await coverage(org, theirs.id);
    const res = await upload(org, mine.id, `category=insurance_card&fileName=card.png&coverageId=${theirCoverage.id}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ path: 'coverageId' }] });

    const other = await t.newOrg();
    const foreign = await coverage(other, (await patient(other, 'Foreign')).id);
    const res2 = await upload(org, mine.id, `category=insurance_card&fileName=card.png&coverageId=${foreign.id}`);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().errors).toEqual([{ path: 'coverageId', message: "not one of this patient's coverages" }]);

    expect((await upload(org, mine.id, 'category=insurance_card&fileName=card.png&coverageId=nope')).statusCode).toBe(400);
    const rows = await t.db.selectFrom('documents').select('id').where('organization_id', '=', org.id).execute();
    expect(rows).toEqual([]);
  });
});

describe('demographics edits the chart relies on', () => {
  it('answers a stale edit with who changed which fields; re-sending only my fields on the new ETag keeps theirs', async () => {
    const org = await t.newOrg();
    const pt = await patient(org, 'Zebulon');
    const read = await t.as(org, 'front_desk').get(`/api/patients/${pt.id}`);
    const etag = read.headers.etag as string;
    expect(etag).toBe(`"${pt.version}"`);

    const theirs = await patch(org, 'nurse', pt.id, etag, { pronouns: 'he/him' });
    expect(theirs.statusCode, theirs.body).toBe(200);

    const stale = await patch(org, 'front_desk', pt.id, etag, { preferredName: 'Zeb' });
    expect(stale.statusCode).toBe(412);
    const problem = stale.json();
    expect(problem.code).toBe('VERSION_MISMATCH');
    expect(problem.current).toMatchObject({ pronouns: 'he/him', preferredName: null, version: pt.version + 1 });
    expect(problem.lastChange).toMatchObject({
      userId: org.users.nurse.id,
      role: 'nurse',
      changes: { pronouns: { before: null, after: 'he/him' } },
    });
    expect(Object.keys(problem.lastChange.changes)).toEqual(['pronouns']);

    const reapplied = await patch(org, 'front_desk', pt.id, `"${problem.current.version}"`, { preferredName: 'Zeb' });
    expect(reapplied.statusCode, reapplied.body).toBe(200);
    expect(reapplied.json()).toMatchObject({ preferredName: 'Zeb', pronouns: 'he/him', version: pt.version + 2 });
    expect(reapplied.headers.etag).toBe(`"${pt.version + 2}"`);
  });

  it('names the invalid fields by the paths the form uses', async () => {
    const org = await t.newOrg();
    const pt = await patient(org, 'Zebulon');
    const res = await patch(org, 'front_desk', pt.id, `"${pt.version}"`, {
      email: 'not-an-email',
      address: { line1: '1 Main St', line2: null, city: 'Springfield', state: 'IL', postalCode: '123' },
      phones: [{ type: 'mobile', number: '12' }],
    });
    expect(res.statusCode).toBe(400);
    const paths = (res.json().errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(['address.postalCode', 'email', 'phones.0.number']);
  });
});
