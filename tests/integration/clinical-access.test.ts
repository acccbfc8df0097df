/**
 * Who may see and write the clinical lists: the front desk reads none (403), a restricted
 * record's lists answer 404 outside its care team (and the denial is audited) until a
 * break-glass grant opens them (audited as such), another practice's objects are 404 even
 * with their real ids, and row-level security keeps the tables to their practice.
 */
import { runInTenantScope } from '@db/index.ts';
import { describe, expect, it } from 'vitest';
import { insertPatient } from '../helpers/audit-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

const LISTS = ['problems', 'allergies', 'medications', 'prescriptions'] as const;

async function filledChart(org: Awaited<ReturnType<typeof t.newOrg>>, opts: { restricted?: boolean } = {}) {
  const patientId = await insertPatient(t.db, org.id, opts.restricted ? { restricted: true } : {});
  // Written straight to the tables: the restricted record is closed to the API's users.
  const problem = await t.db
    .insertInto('problems')
    .values({
      organization_id: org.id,
      patient_id: patientId,
      code: 'F10.20',
      billable: true,
      description: 'Alcohol dependence, uncomplicated',
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const allergy = await t.db
    .insertInto('allergies')
    .values({ organization_id: org.id, patient_id: patientId, substance: 'Naltrexone' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const medication = await t.db
    .insertInto('medications')
    .values({ organization_id: org.id, patient_id: patientId, name: 'Disulfiram', dose: '250 mg' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const prescription = await t.db
    .insertInto('prescriptions')
    .values({
      organization_id: org.id,
      patient_id: patientId,
      medication_id: medication.id,
      drug_name: 'Disulfiram',
      sig: 'Take 1 tablet daily',
      quantity: 30,
      quantity_unit: 'tablets',
      prescriber_provider_id: org.providerId,
      written_date: '2026-03-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { patientId, problemId: problem.id, allergyId: allergy.id, medicationId: medication.id, prescriptionId: prescription.id };
}

describe('clinical lists: permissions', () => {
  it('lets clinicians and nurses read; the front desk and billers get 403 on reads and writes', async () => {
    const org = await t.newOrg();
    const c = await filledChart(org);
    for (const role of ['clinician', 'nurse', 'office_manager'] as const) {
      for (const list of LISTS)
        expect((await t.as(org, role).get(`/api/patients/${c.patientId}/${list}`)).statusCode, `${role} ${list}`).toBe(200);
    }
    for (const role of ['front_desk', 'biller'] as const) {
      const as = t.as(org, role);
      for (const list of LISTS) expect((await as.get(`/api/patients/${c.patientId}/${list}`)).statusCode, `${role} ${list}`).toBe(403);
      expect((await as.post(`/api/patients/${c.patientId}/problems`, { code: 'I10' })).statusCode).toBe(403);
      expect((await as.post(`/api/patients/${c.patientId}/allergies/no-known-allergies`, {})).statusCode).toBe(403);
      expect((await as.get(`/api/patients/${c.patientId}/prescriptions/${c.prescriptionId}.pdf`)).statusCode).toBe(403);
    }
    // The office manager reads the lists (note:read) but writes none of them.
    expect((await t.as(org, 'office_manager').post(`/api/patients/${c.patientId}/medications`, { name: 'X' })).statusCode).toBe(403);
    const problems = await t.db.selectFrom('problems').select('id').where('patient_id', '=', c.patientId).execute();
    expect(problems).toHaveLength(1);
  });
});

describe('clinical lists: restricted records', () => {
  it('answers 404 outside the care team (denial audited), opens under break-glass (audited as such), and to the care team', async () => {
    const org = await t.newOrg();
    const c = await filledChart(org, { restricted: true });
    const nurse = t.as(org, 'nurse');
    for (const list of LISTS) {
      const res = await nurse.get(`/api/patients/${c.patientId}/${list}`);
      expect(res.statusCode, list).toBe(404);
      expect(res.body).not.toContain('Disulfiram');
    }
    const write = await nurse.patch(`/api/patients/${c.patientId}/problems/${c.problemId}`, { note: 'x' }, { 'if-match': '"1"' });
    expect(write.statusCode).toBe(404);
    const pdf = await t.as(org, 'clinician').get(`/api/patients/${c.patientId}/prescriptions/${c.prescriptionId}.pdf`);
    expect(pdf.statusCode).toBe(404);
    const denied = await t.db
      .selectFrom('audit_events')
      .select('user_id')
      .where('patient_id', '=', c.patientId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.length).toBeGreaterThanOrEqual(LISTS.length);

    const grant = await nurse.post(`/api/patients/${c.patientId}/break-glass`, { reason: 'patient unresponsive in the waiting room' });
    expect(grant.statusCode, grant.body).toBe(201);
    const meds = await nurse.get(`/api/patients/${c.patientId}/medications`);
    expect(meds.statusCode, meds.body).toBe(200);
    expect(meds.json().items[0].name).toBe('Disulfiram');
    const added = await nurse.post(`/api/patients/${c.patientId}/allergies`, { substance: 'Lorazepam', reaction: 'Paradoxical agitation' });
    expect(added.statusCode, added.body).toBe(201);
    const rows = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'break_glass', 'details'])
      .where('patient_id', '=', c.patientId)
      .where('user_id', '=', org.users.nurse.id)
      .where('resource_type', 'in', ['medication', 'allergy'])
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.action, r.resource_type, r.break_glass])).toEqual([
      ['read', 'medication', true],
      ['create', 'allergy', true],
    ]);
    expect(rows[0]?.details).toMatchObject({ count: 1, breakGlassGrantId: grant.json().id });

    // Listed on the care team: the clinician opens it without break-glass.
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: org.id, patient_id: c.patientId, user_id: org.users.clinician.id })
      .execute();
    const own = await t.as(org, 'clinician').get(`/api/patients/${c.patientId}/prescriptions/${c.prescriptionId}.pdf`);
    expect(own.statusCode).toBe(200);
  });
});

describe('clinical lists: tenancy', () => {
  it("answers 404 for another practice's real patient and its real list items, and changes nothing there", async () => {
    const mine = await t.newOrg();
    const theirs = await t.newOrg();
    const their = await filledChart(theirs);
    const my = await filledChart(mine);
    const clin = t.as(mine, 'clinician');
    for (const list of LISTS) expect((await clin.get(`/api/patients/${their.patientId}/${list}`)).statusCode).toBe(404);
    expect((await clin.post(`/api/patients/${their.patientId}/problems`, { code: 'I10' })).statusCode).toBe(404);
    expect((await clin.post(`/api/patients/${their.patientId}/allergies/no-known-allergies`, {})).statusCode).toBe(404);
    expect((await clin.get(`/api/patients/${their.patientId}/prescriptions/${their.prescriptionId}.pdf`)).statusCode).toBe(404);
    // Their item under my patient's path: not found either.
    const ifMatch = { 'if-match': '"1"' };
    expect((await clin.patch(`/api/patients/${my.patientId}/problems/${their.problemId}`, { note: 'x' }, ifMatch)).statusCode).toBe(404);
    expect((await clin.patch(`/api/patients/${my.patientId}/allergies/${their.allergyId}`, { note: 'x' }, ifMatch)).statusCode).toBe(404);
    expect((await clin.patch(`/api/patients/${my.patientId}/medications/${their.medicationId}`, { note: 'x' }, ifMatch)).statusCode).toBe(
      404,
    );
    expect((await clin.get(`/api/patients/${my.patientId}/prescriptions/${their.prescriptionId}.pdf`)).statusCode).toBe(404);
    // Renewing their medication from my patient's chart: refused as a field, nothing written.
    const renew = await clin.post(`/api/patients/${my.patientId}/prescriptions`, {
      drugName: 'X',
      sig: 'x',
      quantity: 1,
      quantityUnit: 'x',
      medicationId: their.medicationId,
    });
    expect(renew.statusCode).toBe(400);
    const notes = await t.db.selectFrom('problems').select('note').where('organization_id', '=', theirs.id).execute();
    expect(notes).toEqual([{ note: '' }]);
  });

  it('keeps every clinical table to its practice under row-level security', async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    await filledChart(a);
    const bChart = await filledChart(b);
    for (const table of ['problems', 'allergies', 'medications', 'prescriptions'] as const) {
      const seen = await runInTenantScope(() => t.db.selectFrom(table).select('organization_id').execute(), a.id);
      expect(new Set(seen.map((r) => r.organization_id)), table).toEqual(new Set([a.id]));
    }
    await expect(
      runInTenantScope(
        () =>
          t.db.insertInto('allergy_statements').values({ organization_id: b.id, patient_id: bChart.patientId, status: 'nka' }).execute(),
        a.id,
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
