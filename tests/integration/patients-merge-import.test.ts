import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { importPatientsFile } from '../../apps/cli/src/commands/import.ts';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-import-'));
process.env.DATA_DIR = dir;
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const t = await createTestApp();
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function register(org: TestOrg, body: Record<string, unknown>) {
  const res = await t.as(org, 'front_desk').post('/api/patients', { confirmNotDuplicate: true, ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; mrn: string };
}

describe('merging duplicates', () => {
  it('moves coverages, documents and care team to the survivor, leaves a tombstone that points to it, and audits both', async () => {
    const org = await t.newOrg();
    const survivor = await register(org, { givenName: 'John', familyName: 'Smith', birthDate: '1980-03-07', alerts: ['needs wheelchair'] });
    const dup = await register(org, {
      givenName: 'Jon',
      familyName: 'Smith',
      birthDate: '1980-03-07',
      alerts: ['latex allergy'],
      phones: [{ type: 'home', number: '303-736-2222' }],
    });
    const dependant = await register(org, {
      givenName: 'Tim',
      familyName: 'Smith',
      birthDate: '2015-01-01',
      guarantor: { kind: 'patient', patientId: dup.id },
    });
    const payer = (await t.as(org, 'biller').post('/api/payers', { name: 'Cigna', ediPayerId: '62308' })).json();
    const covS = await t.as(org, 'front_desk').post(`/api/patients/${survivor.id}/coverages`, {
      payerId: payer.id,
      memberId: 'A',
      priority: 'primary',
      effectiveDate: '2026-01-01',
    });
    expect(covS.statusCode).toBe(201);
    // Overlaps the survivor's primary: moves, but inactive. The secondary moves as it is.
    await t
      .as(org, 'front_desk')
      .post(`/api/patients/${dup.id}/coverages`, { payerId: payer.id, memberId: 'B', priority: 'primary', effectiveDate: '2025-06-01' });
    await t
      .as(org, 'front_desk')
      .post(`/api/patients/${dup.id}/coverages`, { payerId: payer.id, memberId: 'C', priority: 'secondary', effectiveDate: '2025-06-01' });
    const doc = await t.app.inject({
      method: 'POST',
      url: `/api/patients/${dup.id}/documents?category=id&fileName=id.png`,
      headers: { authorization: `Bearer ${org.users.front_desk.token}`, 'content-type': 'image/png' },
      payload: PNG,
    });
    expect(doc.statusCode, doc.body).toBe(201);
    await t.db
      .insertInto('patient_care_team')
      .values([
        { organization_id: org.id, patient_id: dup.id, user_id: org.users.nurse.id },
        { organization_id: org.id, patient_id: dup.id, user_id: org.users.clinician.id },
        { organization_id: org.id, patient_id: survivor.id, user_id: org.users.nurse.id },
      ])
      .execute();

    expect((await t.as(org, 'front_desk').post('/api/patients/merge', { survivorId: survivor.id, mergedId: dup.id })).statusCode).toBe(403);
    const res = await t.as(org, 'office_manager').post('/api/patients/merge', { survivorId: survivor.id, mergedId: dup.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().alerts).toEqual(['needs wheelchair', 'latex allergy']);
    expect(res.json().phones.map((p: { number: string }) => p.number)).toEqual(['+13037362222']);

    const coverages = await t.as(org, 'front_desk').get(`/api/patients/${survivor.id}/coverages?includeInactive=true`);
    expect(
      coverages
        .json()
        .items.map((c: { memberId: string; active: boolean }) => `${c.memberId}:${c.active}`)
        .sort(),
    ).toEqual(['A:true', 'B:false', 'C:true']);
    const docs = await t.as(org, 'front_desk').get(`/api/patients/${survivor.id}/documents`);
    expect(docs.json().items.map((d: { id: string }) => d.id)).toEqual([doc.json().id]);
    const team = await t.db
      .selectFrom('patient_care_team')
      .select(['patient_id', 'user_id'])
      .where('organization_id', '=', org.id)
      .execute();
    expect(team.every((m) => m.patient_id === survivor.id)).toBe(true);
    expect(team.length).toBe(2);
    const child = await t.as(org, 'front_desk').get(`/api/patients/${dependant.id}`);
    expect(child.json().guarantor).toEqual({ kind: 'patient', patientId: survivor.id });

    const tomb = await t.as(org, 'front_desk').get(`/api/patients/${dup.id}`);
    expect(tomb.statusCode).toBe(200);
    expect(tomb.json()).toMatchObject({ status: 'merged', mergedIntoId: survivor.id });
    const search = await t.as(org, 'front_desk').get('/api/patients?q=smith');
    expect(search.json().items.map((i: { id: string }) => i.id)).not.toContain(dup.id);
    const again = await t.as(org, 'office_manager').post('/api/patients/merge', { survivorId: survivor.id, mergedId: dup.id });
    expect(again.statusCode).toBe(409);
    const edit = await t
      .as(org, 'front_desk')
      .patch(`/api/patients/${dup.id}`, { preferredName: 'x' }, { 'if-match': tomb.headers.etag as string });
    expect(edit.statusCode).toBe(409);

    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('action', '=', 'merge')
      .execute();
    expect(audit.map((a) => a.patient_id).sort()).toEqual([survivor.id, dup.id].sort());
    expect(audit[0]?.details).toMatchObject({ mergedId: dup.id, moved: { coverages: 2, careTeam: 2, 'documents.patient_id': 1 } });
  });

  it("refuses to merge a patient into itself (400) or another organization's patient (404)", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const a = await register(org, { givenName: 'A', familyName: 'One', birthDate: '1970-01-01' });
    const b = await register(other, { givenName: 'B', familyName: 'Two', birthDate: '1970-01-01' });
    expect((await t.as(org, 'admin').post('/api/patients/merge', { survivorId: a.id, mergedId: a.id })).statusCode).toBe(400);
    expect((await t.as(org, 'admin').post('/api/patients/merge', { survivorId: a.id, mergedId: b.id })).statusCode).toBe(404);
    const untouched = await t.db.selectFrom('patients').select('status').where('id', '=', b.id).executeTakeFirstOrThrow();
    expect(untouched.status).toBe('active');
  });
});

describe('CSV import', () => {
  const csv = [
    'Chart #,First,Last,DOB,Gender,Cell,Street,City,ST,Zip,Email',
    'A-1,John,Smith,03/07/1980,M,413-736-1234,12 Main St,Springfield,ma,01103,john@example.com',
    'A-2,Mary,Jones,1975-05-05,F,,,,,,',
    'A-3,Bad,Phone,1990-01-01,F,123,,,,,',
    'A-4,Bad,Zip,1990-01-01,F,,1 Elm St,Denver,CO,8020,',
    'A-5,Future,Born,01/01/2999,U,,,,,,',
    ',No,External,1990-01-01,F,,,,,,',
    'A-7,Bad,State,1990-01-01,F,,1 Elm St,Denver,XX,80202,',
    'A-8,"O\'Brien, Jr",Pat,2/3/61,X,,,,,,',
  ].join('\n');

  it('maps headers, imports good rows, reports bad rows in <file>.errors.csv, and is idempotent on re-run', async () => {
    const org = await t.newOrg();
    const file = path.join(dir, 'patients.csv');
    fs.writeFileSync(file, csv);

    const dry = await importPatientsFile(t.db, {
      file,
      organizationId: org.id,
      map: { externalId: 'Chart #', mobilePhone: 'Cell' },
      dryRun: true,
    });
    expect(dry).toMatchObject({ rows: 8, created: 2, errors: 6 });
    expect((await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute()).length).toBe(0);

    const first = await importPatientsFile(t.db, {
      file,
      organizationId: org.id,
      map: { externalId: 'Chart #', mobilePhone: 'Cell' },
      batchSize: 3,
    });
    expect(first).toMatchObject({ rows: 8, created: 2, existing: 0, errors: 6 });
    expect(first.mapping).toMatchObject({
      givenName: 'First',
      familyName: 'Last',
      birthDate: 'DOB',
      state: 'ST',
      postalCode: 'Zip',
      email: 'Email',
    });
    const report = fs.readFileSync(`${file}.errors.csv`, 'utf8').trim().split('\n');
    expect(report[0]).toBe('line,externalId,field,message');
    const byId = Object.fromEntries(report.slice(1).map((l) => [l.split(',')[1], l]));
    expect(byId['A-3']).toMatch(/^4,A-3,phone,/);
    expect(byId['A-4']).toContain('postalCode');
    expect(byId['A-5']).toContain('birthDate');
    expect(byId['A-7']).toContain('state');
    expect(byId['A-8']).toContain('sex');
    expect(byId['']).toContain('externalId');

    const john = await t.db
      .selectFrom('patients')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('external_id', '=', 'A-1')
      .executeTakeFirstOrThrow();
    expect(john).toMatchObject({
      given_name: 'John',
      birth_date: '1980-03-07',
      sex: 'male',
      phones: [{ type: 'mobile', number: '+14137361234' }],
    });
    expect(john.address).toMatchObject({ state: 'MA', postalCode: '01103' });

    const audit = await t.db
      .selectFrom('audit_events')
      .selectAll()
      .where('organization_id', '=', org.id)
      .where('action', '=', 'create')
      .execute();
    const listed = audit.flatMap((a) => (a.details?.patientIds as string[] | undefined) ?? []);
    expect(listed).toContain(john.id);
    expect(listed.length).toBe(2);

    const rerun = await importPatientsFile(t.db, { file, organizationId: org.id, map: { externalId: 'Chart #', mobilePhone: 'Cell' } });
    expect(rerun).toMatchObject({ created: 0, existing: 2, errors: 6 });
    expect((await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute()).length).toBe(2);
  });

  it('imports a thousand rows in batches', async () => {
    const org = await t.newOrg();
    const file = path.join(dir, 'many.csv');
    const lines = ['id,first,last,dob'];
    for (let i = 0; i < 1000; i++) lines.push(`X${i},Given${i},Family${i % 37},1970-01-${String((i % 28) + 1).padStart(2, '0')}`);
    fs.writeFileSync(file, lines.join('\n'));
    const r = await importPatientsFile(t.db, { file, organizationId: org.id, batchSize: 250 });
    expect(r).toMatchObject({ rows: 1000, created: 1000, errors: 0, errorFile: null });
    const batches = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('organization_id', '=', org.id)
      .where('action', '=', 'create')
      .execute();
    expect(batches.length).toBe(4);
  });
});
