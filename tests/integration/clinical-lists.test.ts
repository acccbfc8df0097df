/**
 * The chart's clinical lists: problems (ICD-10-CM coded, resolve/reactivate), allergies with
 * the "no known allergies" statement, medications (stop, prescriber), If-Match on every edit,
 * bad input answering 400 naming the field and changing nothing, audit rows, and a merge
 * moving every list to the surviving record.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { insertPatient } from '../helpers/audit-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-04T15:00:00Z');
const t = await createTestApp({ clock });

async function chart() {
  const org = await t.newOrg();
  const patientId = await insertPatient(t.db, org.id);
  return { org, patientId, clin: t.as(org, 'clinician'), nurse: t.as(org, 'nurse') };
}

async function auditRows(patientId: string, resourceType: string) {
  return t.db
    .selectFrom('audit_events')
    .select(['action', 'resource_id', 'user_id', 'changes', 'details', 'break_glass'])
    .where('patient_id', '=', patientId)
    .where('resource_type', '=', resourceType)
    .orderBy('seq')
    .execute();
}

const count = async (table: 'problems' | 'allergies' | 'medications' | 'prescriptions' | 'allergy_statements', org: TestOrg) =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('organization_id', '=', org.id)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('problems', () => {
  it('adds coded problems (with or without the dot, description from the code set), lists active first, resolves and reactivates', async () => {
    const { org, patientId, clin, nurse } = await chart();
    const htn = await clin.post(`/api/patients/${patientId}/problems`, { code: 'i10', onsetDate: '2019-05-01' });
    expect(htn.statusCode, htn.body).toBe(201);
    expect(htn.headers.etag).toBe('"1"');
    expect(htn.json()).toMatchObject({ code: 'I10', billable: true, description: 'Essential (primary) hypertension', status: 'active' });
    const dm = await nurse.post(`/api/patients/${patientId}/problems`, { code: 'E119', description: 'Type 2 diabetes, diet controlled' });
    expect(dm.statusCode, dm.body).toBe(201);
    expect(dm.json()).toMatchObject({ code: 'E11.9', description: 'Type 2 diabetes, diet controlled', onsetDate: null });
    // A category heading may stand on a problem list; the answer says it is not billable.
    const heading = await clin.post(`/api/patients/${patientId}/problems`, { code: 'E11' });
    expect(heading.statusCode, heading.body).toBe(201);
    expect(heading.json()).toMatchObject({ code: 'E11', billable: false });

    const resolved = await clin.patch(
      `/api/patients/${patientId}/problems/${htn.json().id}`,
      { status: 'resolved', note: 'BP < 120/80 off medication' },
      { 'if-match': '"1"' },
    );
    expect(resolved.statusCode, resolved.body).toBe(200);
    // Today on the request's clock (no location: UTC).
    expect(resolved.json()).toMatchObject({
      status: 'resolved',
      resolvedDate: '2026-03-04',
      note: 'BP < 120/80 off medication',
      version: 2,
    });
    expect(resolved.headers.etag).toBe('"2"');

    const list = await clin.get(`/api/patients/${patientId}/problems`);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((p: { code: string; status: string }) => `${p.code}:${p.status}`)).toEqual([
      'E11.9:active',
      'E11:active',
      'I10:resolved',
    ]);
    expect(list.json().nextCursor).toBeNull();

    const reactivated = await clin.patch(
      `/api/patients/${patientId}/problems/${htn.json().id}`,
      { status: 'active' },
      { 'if-match': '"2"' },
    );
    expect(reactivated.json()).toMatchObject({ status: 'active', resolvedDate: null, version: 3 });

    const rows = await auditRows(patientId, 'problem');
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'create', 'update', 'read', 'update']);
    expect(rows[0]).toMatchObject({ user_id: org.users.clinician.id, details: { code: 'I10' } });
    expect(rows[3]?.changes).toMatchObject({
      status: { before: 'active', after: 'resolved' },
      resolvedDate: { before: null, after: '2026-03-04' },
    });
    expect(rows[4]?.details).toEqual({ count: 3 });
  });

  it('refuses an unknown code or a resolution before the onset with 400 naming the field, and changes nothing', async () => {
    const { org, patientId, clin } = await chart();
    const unknown = await clin.post(`/api/patients/${patientId}/problems`, { code: 'Q99.99' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ path: 'code' })]);
    const badDate = await clin.post(`/api/patients/${patientId}/problems`, { code: 'I10', onsetDate: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().errors[0].path).toBe('onsetDate');
    expect(await count('problems', org)).toBe(0);

    const p = (await clin.post(`/api/patients/${patientId}/problems`, { code: 'J45.909', onsetDate: '2020-01-01' })).json();
    const before = await clin.patch(
      `/api/patients/${patientId}/problems/${p.id}`,
      { status: 'resolved', resolvedDate: '2019-12-31', note: 'changed' },
      { 'if-match': '"1"' },
    );
    expect(before.statusCode).toBe(400);
    expect(before.json().errors[0].path).toBe('resolvedDate');
    const stranger = await clin.patch(`/api/patients/${patientId}/problems/${p.id}`, { nonsense: true }, { 'if-match': '"1"' });
    expect(stranger.statusCode).toBe(400);
    const row = await t.db.selectFrom('problems').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'active', note: '', version: 1, resolved_date: null });
  });

  it('needs If-Match on edits (428) and refuses a stale version (412, with the current problem)', async () => {
    const { patientId, clin, nurse } = await chart();
    const p = (await clin.post(`/api/patients/${patientId}/problems`, { code: 'E78.5' })).json();
    const url = `/api/patients/${patientId}/problems/${p.id}`;
    expect((await clin.patch(url, { note: 'diet first' })).statusCode).toBe(428);
    expect((await clin.patch(url, { note: 'diet first' }, { 'if-match': '"1"' })).statusCode).toBe(200);
    const stale = await nurse.patch(url, { note: 'statin' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ note: 'diet first', version: 2 });
  });
});

describe('allergies and the "no known allergies" statement', () => {
  it('starts unknown, records NKA (by whom, when), refuses NKA beside an active allergy, and an allergy ends NKA', async () => {
    const { org, patientId, clin, nurse } = await chart();
    const url = `/api/patients/${patientId}/allergies`;
    const fresh = await clin.get(url);
    expect(fresh.statusCode, fresh.body).toBe(200);
    expect(fresh.json()).toEqual({ status: 'unknown', recordedAt: null, recordedBy: null, items: [], nextCursor: null });

    const nka = await nurse.post(`${url}/no-known-allergies`, {});
    expect(nka.statusCode, nka.body).toBe(200);
    expect(nka.json()).toEqual({
      status: 'nka',
      recordedAt: '2026-03-04T15:00:00.000Z',
      recordedBy: { id: org.users.nurse.id, name: expect.stringContaining('nurse') },
      items: [],
      nextCursor: null,
    });
    expect((await clin.get(url)).json()).toMatchObject({ status: 'nka', recordedBy: { id: org.users.nurse.id } });

    clock.advance(60_000);
    const pcn = await clin.post(url, { substance: 'Penicillin', reaction: 'Hives', severity: 'moderate' });
    expect(pcn.statusCode, pcn.body).toBe(201);
    expect(pcn.json()).toMatchObject({ substance: 'Penicillin', reaction: 'Hives', severity: 'moderate', status: 'active', version: 1 });
    const after = (await clin.get(url)).json();
    expect(after).toMatchObject({
      status: 'has_allergies',
      recordedAt: '2026-03-04T15:01:00.000Z',
      recordedBy: { id: org.users.clinician.id },
    });
    expect(after.items.map((a: { substance: string }) => a.substance)).toEqual(['Penicillin']);

    const refused = await nurse.post(`${url}/no-known-allergies`, {});
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toContain('Penicillin');
    expect(await count('allergy_statements', org)).toBe(2);

    // Marked inactive (outgrown, entered in error): NKA may be recorded again.
    const inactive = await clin.patch(
      `${url}/${pcn.json().id}`,
      { status: 'inactive', note: 'tolerated amoxicillin 2025' },
      { 'if-match': '"1"' },
    );
    expect(inactive.statusCode, inactive.body).toBe(200);
    expect((await clin.get(url)).json()).toMatchObject({ status: 'unknown', recordedAt: null });
    expect((await nurse.post(`${url}/no-known-allergies`, {})).statusCode).toBe(200);
    const final = (await clin.get(url)).json();
    expect(final.status).toBe('nka');
    expect(final.items).toEqual([expect.objectContaining({ substance: 'Penicillin', status: 'inactive', version: 2 })]);

    const rows = await auditRows(patientId, 'allergy_statement');
    expect(rows.map((r) => r.details)).toEqual([{ status: 'nka' }, { status: 'nka' }]);
    const reads = (await auditRows(patientId, 'allergy')).filter((r) => r.action === 'read');
    expect(reads[0]?.details).toEqual({ count: 0, status: 'unknown' });
  });

  it('orders active allergies first, refuses bad input naming the field, and needs If-Match', async () => {
    const { org, patientId, clin } = await chart();
    const url = `/api/patients/${patientId}/allergies`;
    const sulfa = (await clin.post(url, { substance: 'Sulfa', status: 'inactive' })).json();
    await clin.post(url, { substance: 'Latex', severity: 'mild' });
    const bad = await clin.post(url, { substance: 'Peanuts', severity: 'deadly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('severity');
    const empty = await clin.post(url, { substance: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors[0].path).toBe('substance');
    expect(await count('allergies', org)).toBe(2);
    const list = (await clin.get(url)).json();
    expect(list.items.map((a: { substance: string }) => a.substance)).toEqual(['Latex', 'Sulfa']);
    expect(list.status).toBe('has_allergies');
    expect((await clin.patch(`${url}/${sulfa.id}`, { severity: 'mild' })).statusCode).toBe(428);
    expect((await clin.patch(`${url}/${sulfa.id}`, { severity: 'mild' }, { 'if-match': '"7"' })).statusCode).toBe(412);
  });
});

describe('medications', () => {
  it('adds medications with a practice or outside prescriber, lists active first, stops one (today by default)', async () => {
    const { org, patientId, clin, nurse } = await chart();
    const url = `/api/patients/${patientId}/medications`;
    const lis = await clin.post(url, {
      name: 'Lisinopril',
      dose: '10 mg',
      route: 'oral',
      frequency: 'once daily',
      startDate: '2024-01-10',
      prescriberId: org.providerId,
    });
    expect(lis.statusCode, lis.body).toBe(201);
    expect(lis.json()).toMatchObject({
      name: 'Lisinopril',
      dose: '10 mg',
      route: 'oral',
      status: 'active',
      prescriber: { providerId: org.providerId, name: expect.stringContaining('Pat Provider') },
    });
    const met = await nurse.post(url, { name: 'Metformin', dose: '500 mg', frequency: 'twice daily', prescriberName: 'Dr. Omar Farouk' });
    expect(met.statusCode, met.body).toBe(201);
    expect(met.json().prescriber).toEqual({ providerId: null, name: 'Dr. Omar Farouk' });

    const stopped = await clin.patch(`${url}/${lis.json().id}`, { status: 'stopped', note: 'cough' }, { 'if-match': '"1"' });
    expect(stopped.statusCode, stopped.body).toBe(200);
    expect(stopped.json()).toMatchObject({ status: 'stopped', stopDate: '2026-03-04', note: 'cough', version: 2 });

    const list = (await clin.get(url)).json();
    expect(list.items.map((m: { name: string; status: string }) => `${m.name}:${m.status}`)).toEqual([
      'Metformin:active',
      'Lisinopril:stopped',
    ]);
    const rows = await auditRows(patientId, 'medication');
    expect(rows.map((r) => r.action)).toEqual(['create', 'create', 'update', 'read']);
    expect(rows[2]?.changes).toMatchObject({ status: { before: 'active', after: 'stopped' } });
  });

  it('refuses a stop before the start (400 stopDate, also in the database), both prescriber kinds, another practice’s provider', async () => {
    const { org, patientId, clin } = await chart();
    const other = await t.newOrg();
    const url = `/api/patients/${patientId}/medications`;
    const early = await clin.post(url, { name: 'Atorvastatin', startDate: '2025-05-01', stopDate: '2025-04-01' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('stopDate');
    const both = await clin.post(url, { name: 'Atorvastatin', prescriberId: org.providerId, prescriberName: 'Dr. Hsu' });
    expect(both.json().errors[0].path).toBe('prescriberName');
    const foreign = await clin.post(url, { name: 'Atorvastatin', prescriberId: other.providerId });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].path).toBe('prescriberId');
    const route = await clin.post(url, { name: 'Atorvastatin', route: 'by mouth' });
    expect(route.json().errors[0].path).toBe('route');
    expect(await count('medications', org)).toBe(0);
    // The database holds the rule too.
    await expect(
      t.db
        .insertInto('medications')
        .values({ organization_id: org.id, patient_id: patientId, name: 'X', start_date: '2025-05-01', stop_date: '2025-04-01' })
        .execute(),
    ).rejects.toThrow(/check constraint/);
    await expect(
      t.db.insertInto('medications').values({ organization_id: org.id, patient_id: patientId, name: 'X', status: 'stopped' }).execute(),
    ).rejects.toThrow(/check constraint/);
  });
});

describe('merge', () => {
  it('moves every clinical list of the merged record to the survivor, unchanged', async () => {
    const { org, patientId: survivor, clin } = await chart();
    const merged = await insertPatient(t.db, org.id);
    await clin.post(`/api/patients/${survivor}/problems`, { code: 'I10' });
    const prob = (await clin.post(`/api/patients/${merged}/problems`, { code: 'E11.9', note: 'A1c 7.2' })).json();
    await clin.post(`/api/patients/${merged}/allergies`, { substance: 'Penicillin', reaction: 'Hives' });
    await clin.post(`/api/patients/${survivor}/allergies/no-known-allergies`, {});
    await clin.post(`/api/patients/${merged}/medications`, { name: 'Metformin', dose: '500 mg' });
    const rx = await clin.post(`/api/patients/${merged}/prescriptions`, {
      drugName: 'Metformin',
      strength: '500 mg',
      form: 'tablet',
      sig: 'Take 1 tablet twice daily',
      quantity: 60,
      quantityUnit: 'tablets',
    });
    expect(rx.statusCode, rx.body).toBe(201);

    const res = await t.as(org, 'office_manager').post('/api/patients/merge', { survivorId: survivor, mergedId: merged });
    expect(res.statusCode, res.body).toBe(200);

    const problems = (await clin.get(`/api/patients/${survivor}/problems`)).json().items;
    expect(problems.map((p: { code: string }) => p.code).sort()).toEqual(['E11.9', 'I10']);
    expect(problems.find((p: { id: string }) => p.id === prob.id)).toEqual({ ...prob, patientId: survivor });
    // The moved active allergy outweighs the survivor's older "no known allergies".
    const allergies = (await clin.get(`/api/patients/${survivor}/allergies`)).json();
    expect(allergies.status).toBe('has_allergies');
    expect(allergies.items.map((a: { substance: string }) => a.substance)).toEqual(['Penicillin']);
    expect(
      (await clin.get(`/api/patients/${survivor}/medications`))
        .json()
        .items.map((m: { name: string }) => m.name)
        .sort(),
    ).toEqual(['Metformin', 'Metformin']);
    expect((await clin.get(`/api/patients/${survivor}/prescriptions`)).json().items).toHaveLength(1);
    for (const table of ['problems', 'allergies', 'allergy_statements', 'medications', 'prescriptions'] as const) {
      const left = await t.db.selectFrom(table).select('id').where('patient_id', '=', merged).execute();
      expect(left, table).toEqual([]);
    }
    // The merged record takes no new entries.
    const late = await clin.post(`/api/patients/${merged}/problems`, { code: 'I10' });
    expect(late.statusCode).toBe(409);
  });
});

describe('demo data', () => {
  it('gives some demo patients problems, allergies or a "no known allergies" statement, medications and prescriptions', async () => {
    const { seedDemo } = await import('@domain/demo/index.ts');
    await seedDemo(t.db, clock, { patients: 60, force: true });
    const org = await t.db.selectFrom('organizations').select('id').where('name', '=', 'Demo Family Practice').executeTakeFirstOrThrow();
    const of = (table: 'problems' | 'allergies' | 'medications' | 'prescriptions') =>
      t.db.selectFrom(table).selectAll().where('organization_id', '=', org.id).execute();
    const problems = await of('problems');
    expect(problems.map((p) => p.code)).toEqual(expect.arrayContaining(['I10', 'E11.9']));
    expect(problems.some((p) => p.status === 'resolved')).toBe(true);
    expect((await of('allergies')).map((a) => a.substance)).toContain('Penicillin');
    const statements = await t.db.selectFrom('allergy_statements').select('status').where('organization_id', '=', org.id).execute();
    expect(statements.some((s) => s.status === 'nka')).toBe(true);
    const meds = await of('medications');
    expect(meds.map((m) => m.name)).toEqual(expect.arrayContaining(['Lisinopril', 'Metformin']));
    expect(meds.some((m) => m.prescriber_name !== null)).toBe(true);
    expect((await of('prescriptions')).length).toBeGreaterThan(0);
    // Several patients, not all of them.
    const charted = new Set(problems.map((p) => p.patient_id));
    expect(charted.size).toBeGreaterThan(5);
    expect(charted.size).toBeLessThan(60);
  });
});
