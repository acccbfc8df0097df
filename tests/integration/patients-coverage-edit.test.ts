/** Editing a coverage: If-Match, the one-per-priority constraint, tenant and patient isolation, audit. */
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

async function setup(org: TestOrg) {
  const pt = await t.as(org, 'front_desk').post('/api/patients', { givenName: 'Ada', familyName: 'Lovelace', birthDate: '1985-12-10' });
  expect(pt.statusCode, pt.body).toBe(201);
  const payer = await t.as(org, 'biller').post('/api/payers', { name: 'Aetna' });
  expect(payer.statusCode, payer.body).toBe(201);
  return { patientId: pt.json().id as string, payerId: payer.json().id as string };
}

async function coverage(org: TestOrg, patientId: string, payerId: string, body: Record<string, unknown>) {
  const res = await t.as(org, 'front_desk').post(`/api/patients/${patientId}/coverages`, {
    payerId,
    memberId: 'W1',
    priority: 'primary',
    effectiveDate: '2026-01-01',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('PATCH coverage', () => {
  it('terminates a coverage and changes member id and copays, keeping the fields it does not name; audited', async () => {
    const org = await t.newOrg();
    const { patientId, payerId } = await setup(org);
    const cov = await coverage(org, patientId, payerId, { planName: 'PPO', groupNumber: 'G42', copays: { office: 2500 } });
    const res = await t
      .as(org, 'biller')
      .patch(
        `/api/patients/${patientId}/coverages/${cov.id}`,
        { terminationDate: '2026-06-30', memberId: 'W2', copays: { office: 3000, specialist: 6000 } },
        { 'if-match': `"${cov.version}"` },
      );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers.etag).toBe(`"${cov.version + 1}"`);
    expect(res.json()).toMatchObject({
      terminationDate: '2026-06-30',
      memberId: 'W2',
      copays: { office: 3000, specialist: 6000 },
      planName: 'PPO',
      groupNumber: 'G42',
      relationship: '18',
      subscriber: { kind: 'self' },
      version: cov.version + 1,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['changes', 'patient_id', 'user_id'])
      .where('resource_type', '=', 'coverage')
      .where('resource_id', '=', cov.id)
      .where('action', '=', 'update')
      .executeTakeFirstOrThrow();
    expect(audit.patient_id).toBe(patientId);
    expect(audit.user_id).toBe(org.users.biller.id);
    expect(audit.changes).toMatchObject({
      terminationDate: { before: null, after: '2026-06-30' },
      memberId: { before: 'W1', after: 'W2' },
    });
    expect(Object.keys(audit.changes ?? {}).sort()).toEqual(['copays', 'memberId', 'terminationDate']);
  });

  it('answers 428 without If-Match and 412 with the current coverage when stale', async () => {
    const org = await t.newOrg();
    const { patientId, payerId } = await setup(org);
    const cov = await coverage(org, patientId, payerId, {});
    const url = `/api/patients/${patientId}/coverages/${cov.id}`;
    const fd = t.as(org, 'front_desk');
    expect((await fd.patch(url, { memberId: 'X' })).statusCode).toBe(428);
    expect((await fd.patch(url, { memberId: 'X' }, { 'if-match': `"${cov.version}"` })).statusCode).toBe(200);
    const stale = await fd.patch(url, { memberId: 'Y' }, { 'if-match': `"${cov.version}"` });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ memberId: 'X', version: cov.version + 1 });
  });

  it('answers 409 naming priority when the edit overlaps another active coverage of that priority, and changes nothing', async () => {
    const org = await t.newOrg();
    const { patientId, payerId } = await setup(org);
    const old = await coverage(org, patientId, payerId, { effectiveDate: '2025-01-01', terminationDate: '2025-12-31' });
    const cur = await coverage(org, patientId, payerId, { effectiveDate: '2026-01-01', memberId: 'NEW' });
    const fd = t.as(org, 'front_desk');
    const overlap = await fd.patch(
      `/api/patients/${patientId}/coverages/${old.id}`,
      { terminationDate: '2026-03-31' },
      { 'if-match': `"${old.version}"` },
    );
    expect(overlap.statusCode, overlap.body).toBe(409);
    expect(overlap.json().errors).toEqual([expect.objectContaining({ path: 'priority' })]);
    // The current one moved to secondary does not overlap any secondary: allowed.
    const moved = await fd.patch(
      `/api/patients/${patientId}/coverages/${cur.id}`,
      { priority: 'secondary' },
      { 'if-match': `"${cur.version}"` },
    );
    expect(moved.statusCode, moved.body).toBe(200);
    const list = (await fd.get(`/api/patients/${patientId}/coverages`)).json().items;
    expect(list.find((c: { id: string }) => c.id === old.id)).toMatchObject({ terminationDate: '2025-12-31', version: old.version });
  });

  it('checks the merged result: termination before effective, relationship vs subscriber, unknown payer', async () => {
    const org = await t.newOrg();
    const { patientId, payerId } = await setup(org);
    const cov = await coverage(org, patientId, payerId, {});
    const url = `/api/patients/${patientId}/coverages/${cov.id}`;
    const fd = t.as(org, 'front_desk');
    const ifm = { 'if-match': `"${cov.version}"` };
    const early = await fd.patch(url, { terminationDate: '2025-12-31' }, ifm);
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('terminationDate');
    const rel = await fd.patch(url, { relationship: '01' }, ifm);
    expect(rel.statusCode).toBe(400);
    expect(rel.json().errors[0].path).toBe('relationship');
    const payer = await fd.patch(url, { payerId: '00000000-0000-4000-8000-000000000000' }, ifm);
    expect(payer.statusCode).toBe(400);
    expect(payer.json().errors[0].path).toBe('payerId');
    const unknown = await fd.patch(url, { active: false }, ifm);
    expect(unknown.statusCode).toBe(400);
  });

  it('answers 404 for another patient’s coverage and another organization’s; 403 without coverage:write', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const a = await setup(org);
    const cov = await coverage(org, a.patientId, a.payerId, {});
    const b = await t.as(org, 'front_desk').post('/api/patients', { givenName: 'Bo', familyName: 'Diddley', birthDate: '1960-01-01' });
    const ifm = { 'if-match': `"${cov.version}"` };
    const cross = await t.as(org, 'front_desk').patch(`/api/patients/${b.json().id}/coverages/${cov.id}`, { memberId: 'Z' }, ifm);
    expect(cross.statusCode).toBe(404);
    const foreign = await t.as(other, 'front_desk').patch(`/api/patients/${a.patientId}/coverages/${cov.id}`, { memberId: 'Z' }, ifm);
    expect(foreign.statusCode).toBe(404);
    const nurse = await t.as(org, 'nurse').patch(`/api/patients/${a.patientId}/coverages/${cov.id}`, { memberId: 'Z' }, ifm);
    expect(nurse.statusCode).toBe(403);
    const list = (await t.as(org, 'front_desk').get(`/api/patients/${a.patientId}/coverages`)).json().items;
    expect(list[0]).toMatchObject({ memberId: 'W1', version: cov.version });
  });
});
