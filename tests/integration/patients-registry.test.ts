import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';
import type { TestOrg } from '../helpers/factories.ts';

const t = await createTestApp();

const john = {
  givenName: 'John',
  familyName: 'Smith',
  birthDate: '1980-03-07',
  sex: 'male',
  phones: [{ type: 'mobile', number: '(413) 736-1234' }],
  address: { line1: '12 Main St', city: 'Springfield', state: 'MA', postalCode: '01103' },
};

async function register(org: TestOrg, body: Record<string, unknown> = john) {
  const res = await t.as(org, 'front_desk').post('/api/patients', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function auditRows(orgId: string, where: { action?: string; patientId?: string } = {}) {
  let q = t.db.selectFrom('audit_events').selectAll().where('organization_id', '=', orgId);
  if (where.action) q = q.where('action', '=', where.action);
  if (where.patientId) q = q.where('patient_id', '=', where.patientId);
  return q.orderBy('seq').execute();
}

describe('registering a patient', () => {
  it('creates the record with an MRN, E.164 phones, an ETag, and an audit row', async () => {
    const org = await t.newOrg();
    const res = await t.as(org, 'front_desk').post('/api/patients', {
      ...john,
      middleName: 'Q',
      preferredName: 'Johnny',
      pronouns: 'he/him',
      preferredContactMethod: 'sms',
      consentSmsReminders: true,
      emergencyContacts: [{ name: 'Jane Smith', relationship: 'spouse', phone: '413-736-9999' }],
      guarantor: { kind: 'person', givenName: 'Mary', familyName: 'Smith', relationship: 'mother' },
      alerts: ['needs wheelchair'],
      primaryProviderId: org.providerId,
      preferredLocationId: org.locationId,
    });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      mrn: expect.stringMatching(/^\d+$/),
      givenName: 'John',
      familyName: 'Smith',
      birthDate: '1980-03-07',
      sex: 'male',
      phones: [{ type: 'mobile', number: '+14137361234' }],
      address: { line1: '12 Main St', line2: null, city: 'Springfield', state: 'MA', postalCode: '01103' },
      status: 'active',
      restricted: false,
      alerts: ['needs wheelchair'],
      emergencyContacts: [{ name: 'Jane Smith', relationship: 'spouse', phone: '+14137369999' }],
      guarantor: { kind: 'person', givenName: 'Mary', familyName: 'Smith' },
      version: 1,
    });
    expect(res.headers.etag).toBe('"1"');
    const got = await t.as(org, 'clinician').get(`/api/patients/${p.id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json().preferredName).toBe('Johnny');
    expect(got.headers.etag).toBe('"1"');
    const created = await auditRows(org.id, { action: 'create', patientId: p.id });
    expect(created).toHaveLength(1);
    expect(created[0]).toMatchObject({
      resource_type: 'patient',
      resource_id: p.id,
      user_id: org.users.front_desk.id,
      role: 'front_desk',
      break_glass: false,
      request_id: res.headers['x-request-id'],
      details: { mrn: p.mrn },
    });
    expect((await auditRows(org.id, { action: 'read', patientId: p.id })).length).toBe(1);
  });

  it('gives each patient its own MRN', async () => {
    const org = await t.newOrg();
    const a = await register(org, { givenName: 'Ann', familyName: 'Lee', birthDate: '1990-01-01' });
    const b = await register(org, { givenName: 'Bob', familyName: 'Kowalski', birthDate: '1991-02-02' });
    expect(a.mrn).not.toBe(b.mrn);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const cases: [Record<string, unknown>, string][] = [
      [{ ...john, birthDate: '2999-01-01' }, 'birthDate'],
      [{ ...john, birthDate: '1980-02-30' }, 'birthDate'],
      [{ ...john, birthDate: '03/07/1980' }, 'birthDate'],
      [{ ...john, phones: [{ type: 'mobile', number: '123' }] }, 'phones.0.number'],
      [{ ...john, address: { ...john.address, postalCode: '1103' } }, 'address.postalCode'],
      [{ ...john, address: { ...john.address, state: 'XX' } }, 'address.state'],
      [{ ...john, sex: 'other' }, 'sex'],
      [{ ...john, mrn: '123' }, 'mrn'],
      [{ givenName: 'Only' }, 'familyName'],
      [{ ...john, status: 'deceased' }, 'deceasedDate'],
      [{ ...john, primaryProviderId: '00000000-0000-4000-8000-000000000000' }, 'primaryProviderId'],
    ];
    for (const [body, field] of cases) {
      const res = await fd.post('/api/patients', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const count = await t.db
      .selectFrom('patients')
      .select(t.db.fn.countAll().as('n'))
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });
});

describe('duplicates', () => {
  it('answers an identical body posted twice with 409, not two patients', async () => {
    const org = await t.newOrg();
    const first = await register(org);
    const again = await t.as(org, 'front_desk').post('/api/patients', john);
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('POSSIBLE_DUPLICATE');
    expect(again.json().candidates).toEqual([
      { id: first.id, mrn: first.mrn, givenName: 'John', familyName: 'Smith', birthDate: '1980-03-07' },
    ]);
    // Even confirmed, the very same registration is still one patient.
    const confirmed = await t.as(org, 'front_desk').post('/api/patients', { ...john, confirmNotDuplicate: true });
    expect(confirmed.statusCode).toBe(409);
    expect(confirmed.json().code).toBe('ALREADY_EXISTS');
    const n = await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute();
    expect(n.length).toBe(1);
  });

  it('flags a similar name on the same birth date, and the same phone; confirmation creates anyway and is audited', async () => {
    const org = await t.newOrg();
    const first = await register(org);
    const similar = await t.as(org, 'front_desk').post('/api/patients', { givenName: 'Jon', familyName: 'Smith', birthDate: '1980-03-07' });
    expect(similar.statusCode).toBe(409);
    expect(similar.json().candidates.map((c: { id: string }) => c.id)).toEqual([first.id]);
    const samePhone = await t.as(org, 'front_desk').post('/api/patients', {
      givenName: 'Maria',
      familyName: 'Garcia',
      birthDate: '1975-05-05',
      phones: [{ type: 'home', number: '+1 413 736 1234' }],
    });
    expect(samePhone.statusCode).toBe(409);
    const differentDob = await t
      .as(org, 'front_desk')
      .post('/api/patients', { givenName: 'John', familyName: 'Smith', birthDate: '1981-03-07' });
    expect(differentDob.statusCode).toBe(201);

    const confirmed = await t.as(org, 'front_desk').post('/api/patients', {
      givenName: 'Jon',
      familyName: 'Smith',
      birthDate: '1980-03-07',
      confirmNotDuplicate: true,
    });
    expect(confirmed.statusCode).toBe(201);
    const [row] = await auditRows(org.id, { action: 'create', patientId: confirmed.json().id });
    expect(row?.details).toMatchObject({ confirmedNotDuplicate: true, candidateIds: [first.id] });
    // The candidates shown on a 409 were a disclosure: audited.
    expect((await auditRows(org.id, { action: 'duplicate-check' })).length).toBeGreaterThanOrEqual(2);
  });

  it('registers a person once when several desks register them at the same moment', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const same = await Promise.all(Array.from({ length: 8 }, () => fd.post('/api/patients', john)));
    expect(same.map((r) => r.statusCode).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    // Different bodies (so no identical registration), the same name and birth date: the
    // duplicate check must see the registrations running beside it.
    const similar = Array.from({ length: 6 }, (_, i) =>
      fd.post('/api/patients', { givenName: 'Jonathan', familyName: 'Smyth', birthDate: '1990-06-06', email: `desk${i}@example.org` }),
    );
    const answers = await Promise.all(similar);
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(1);
    expect(answers.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(Array(5).fill('POSSIBLE_DUPLICATE'));
    const rows = await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute();
    expect(rows).toHaveLength(2);
  });

  it('does not treat patients of another organization as duplicates', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    await register(a);
    await register(b);
  });
});

describe('editing with optimistic concurrency', () => {
  it('needs If-Match (428), refuses a stale version (412 with the current record and who changed what)', async () => {
    const org = await t.newOrg();
    const p = await register(org);
    const fd = t.as(org, 'front_desk');
    const missing = await fd.patch(`/api/patients/${p.id}`, { preferredName: 'JJ' });
    expect(missing.statusCode).toBe(428);
    const ok = await t
      .as(org, 'nurse')
      .patch(`/api/patients/${p.id}`, { preferredName: 'JJ', alerts: ['hard of hearing'] }, { 'if-match': '"1"' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ preferredName: 'JJ', alerts: ['hard of hearing'], version: 2 });
    expect(ok.headers.etag).toBe('"2"');
    const stale = await fd.patch(`/api/patients/${p.id}`, { preferredName: 'Jack' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const body = stale.json();
    expect(body.current).toMatchObject({ preferredName: 'JJ', version: 2 });
    expect(body.lastChange).toMatchObject({ userId: org.users.nurse.id, changes: { preferredName: { before: null, after: 'JJ' } } });
    const unchanged = await fd.get(`/api/patients/${p.id}`);
    expect(unchanged.json().preferredName).toBe('JJ');
  });

  it('validates a patch like a registration and records the changed fields', async () => {
    const org = await t.newOrg();
    const p = await register(org);
    const fd = t.as(org, 'front_desk');
    const bad = await fd.patch(`/api/patients/${p.id}`, { birthDate: '2999-12-31' }, { 'if-match': '"1"' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('birthDate');
    const unknown = await fd.patch(`/api/patients/${p.id}`, { mrn: '1' }, { 'if-match': '"1"' });
    expect(unknown.statusCode).toBe(400);
    const dead = await fd.patch(`/api/patients/${p.id}`, { status: 'deceased', deceasedDate: '2024-01-02' }, { 'if-match': '"1"' });
    expect(dead.statusCode, dead.body).toBe(200);
    const [audit] = await auditRows(org.id, { action: 'update', patientId: p.id });
    expect(audit?.changes).toEqual({
      status: { before: 'active', after: 'deceased' },
      deceasedDate: { before: null, after: '2024-01-02' },
    });
  });
});

describe('access', () => {
  it("answers 404 for another organization's patient and 403 for roles without the permission", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const p = await register(b);
    expect((await t.as(a, 'admin').get(`/api/patients/${p.id}`)).statusCode).toBe(404);
    expect((await t.as(a, 'admin').patch(`/api/patients/${p.id}`, { preferredName: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await t.as(a, 'admin').get('/api/patients/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    // Biller reads patients but does not register them.
    expect((await t.as(b, 'biller').post('/api/patients', { ...john, givenName: 'Other' })).statusCode).toBe(403);
    expect((await t.as(b, 'biller').get(`/api/patients/${p.id}`)).statusCode).toBe(200);
    expect((await t.as(b, 'front_desk').post('/api/patients/merge', { survivorId: p.id, mergedId: p.id })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/patients/${p.id}` })).statusCode).toBe(401);
  });

  it('hides a restricted patient from staff outside the care team (404, audited as denied) and opens it to the team', async () => {
    const org = await t.newOrg();
    const p = await register(org, { ...john, restricted: true });
    const res = await t.as(org, 'nurse').get(`/api/patients/${p.id}`);
    expect(res.statusCode).toBe(404);
    const denied = await auditRows(org.id, { patientId: p.id });
    expect(denied.some((r) => r.outcome === 'denied' && r.user_id === org.users.nurse.id)).toBe(true);
    // The nurse may break the glass, so search shows the record locked: who, not what.
    const search = await t.as(org, 'nurse').get('/api/patients?q=smith');
    expect(search.json().items).toEqual([expect.objectContaining({ id: p.id, locked: true, phones: [] })]);
    const biller = await t.as(org, 'biller').get('/api/patients?q=smith');
    expect(biller.json().items).toEqual([]);
    await t.db.insertInto('patient_care_team').values({ organization_id: org.id, patient_id: p.id, user_id: org.users.nurse.id }).execute();
    expect((await t.as(org, 'nurse').get(`/api/patients/${p.id}`)).statusCode).toBe(200);
    expect((await t.as(org, 'nurse').get('/api/patients?q=smith')).json().items.map((i: { id: string }) => i.id)).toEqual([p.id]);
  });
});
