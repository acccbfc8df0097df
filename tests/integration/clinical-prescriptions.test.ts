/**
 * Prescriptions: recorded by clinicians only, the DEA number checked (API and database), a new
 * prescription adds an active medication or renews one, and the printed PDF (read back as
 * text) carries the letterhead, the patient as written, the drug, the quantity in words, the
 * prescriber's NPI and DEA number and a signature line. Printing is audited.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { insertPatient } from '../helpers/audit-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-04T15:00:00Z');
const t = await createTestApp({ clock });

const RX = {
  drugName: 'Lisinopril',
  strength: '10 mg',
  form: 'tablet',
  sig: 'Take 1 tablet by mouth once daily.',
  quantity: 90,
  quantityUnit: 'tablets',
  refills: 3,
};

async function practice() {
  const org = await t.newOrg();
  await t.db
    .updateTable('locations')
    .set({ address_line1: '100 Main St', city: 'Springfield', state: 'MA', postal_code: '01103', phone: '+14137360100' })
    .where('id', '=', org.locationId)
    .execute();
  await t.db
    .updateTable('providers')
    .set({ given_name: 'Alice', family_name: 'Morgan', credentials: 'MD' })
    .where('id', '=', org.providerId)
    .execute();
  const patientId = await insertPatient(t.db, org.id);
  await t.db
    .updateTable('patients')
    .set({
      given_name: 'Łukasz',
      family_name: 'Nguyễn-Wiśniewski',
      birth_date: '1958-03-14',
      address: JSON.stringify({ line1: '12 Elm St', line2: 'Apt 3', city: 'Chicopee', state: 'MA', postalCode: '01020' }),
    })
    .where('id', '=', patientId)
    .execute();
  return { org, patientId, clin: t.as(org, 'clinician') };
}

const provider = (org: TestOrg) => t.db.selectFrom('providers').select('npi').where('id', '=', org.providerId).executeTakeFirstOrThrow();

describe('prescriptions', () => {
  it('records a prescription for the clinician’s own provider, adds an active medication, and renews it later', async () => {
    const { org, patientId, clin } = await practice();
    const res = await clin.post(`/api/patients/${patientId}/prescriptions`, { ...RX, deaNumber: 'ab1234563' });
    expect(res.statusCode, res.body).toBe(201);
    const { prescription, medication } = res.json();
    expect(prescription).toMatchObject({
      ...RX,
      dispenseAsWritten: false,
      deaNumber: 'AB1234563',
      writtenDate: '2026-03-04',
      prescriber: { providerId: org.providerId, name: 'Alice Morgan, MD', npi: (await provider(org)).npi },
      medicationId: medication.id,
    });
    expect(medication).toMatchObject({
      name: 'Lisinopril',
      dose: '10 mg',
      route: 'oral',
      frequency: 'Take 1 tablet by mouth once daily.',
      startDate: '2026-03-04',
      status: 'active',
      prescriber: { providerId: org.providerId },
    });

    const renewal = await clin.post(`/api/patients/${patientId}/prescriptions`, { ...RX, refills: 0, medicationId: medication.id });
    expect(renewal.statusCode, renewal.body).toBe(201);
    expect(renewal.json().medication.id).toBe(medication.id);
    const meds = (await clin.get(`/api/patients/${patientId}/medications`)).json().items;
    expect(meds).toHaveLength(1);
    const list = (await clin.get(`/api/patients/${patientId}/prescriptions`)).json().items;
    expect(list).toHaveLength(2);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'details'])
      .where('patient_id', '=', patientId)
      .where('action', '=', 'create')
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'create', resource_type: 'medication', details: null },
      { action: 'create', resource_type: 'prescription', details: { medicationId: medication.id, renewed: false } },
      { action: 'create', resource_type: 'prescription', details: { medicationId: medication.id, renewed: true } },
    ]);
  });

  it('refuses a bad DEA check digit, refills over 11, a stopped medication to renew, and a nurse or front desk (403); nothing is written', async () => {
    const { org, patientId, clin } = await practice();
    const url = `/api/patients/${patientId}/prescriptions`;
    const dea = await clin.post(url, { ...RX, deaNumber: 'AB1234564' });
    expect(dea.statusCode).toBe(400);
    expect(dea.json().errors).toEqual([expect.objectContaining({ path: 'deaNumber', message: expect.stringContaining('check digit') })]);
    const shape = await clin.post(url, { ...RX, deaNumber: '1234567' });
    expect(shape.json().errors[0].path).toBe('deaNumber');
    const refills = await clin.post(url, { ...RX, refills: 12 });
    expect(refills.json().errors[0].path).toBe('refills');
    const qty = await clin.post(url, { ...RX, quantity: 0 });
    expect(qty.json().errors[0].path).toBe('quantity');
    const stopped = (
      await clin.post(`/api/patients/${patientId}/medications`, { name: 'Lisinopril', status: 'stopped', stopDate: '2026-01-01' })
    ).json();
    const renew = await clin.post(url, { ...RX, medicationId: stopped.id });
    expect(renew.statusCode).toBe(400);
    expect(renew.json().errors[0].path).toBe('medicationId');
    // A nurse writes the lists but does not prescribe; the front desk does neither.
    expect((await t.as(org, 'nurse').post(url, RX)).statusCode).toBe(403);
    expect((await t.as(org, 'front_desk').post(url, RX)).statusCode).toBe(403);
    // The office manager has no provider of their own and no prescription:write.
    expect((await t.as(org, 'office_manager').post(url, RX)).statusCode).toBe(403);
    const n = await t.db.selectFrom('prescriptions').select('id').where('patient_id', '=', patientId).execute();
    expect(n).toEqual([]);
    const meds = await t.db.selectFrom('medications').select('id').where('patient_id', '=', patientId).execute();
    expect(meds).toHaveLength(1);
    // The database checks the DEA number too.
    await expect(
      t.db
        .insertInto('prescriptions')
        .values({
          organization_id: org.id,
          patient_id: patientId,
          medication_id: stopped.id,
          drug_name: 'X',
          sig: 'x',
          quantity: 1,
          quantity_unit: 'x',
          prescriber_provider_id: org.providerId,
          dea_number: 'AB1234564',
          written_date: '2026-03-04',
        })
        .execute(),
    ).rejects.toThrow(/check constraint/);
  });

  it('prints the prescription as a PDF: letterhead, patient as written, drug, quantity in words, NPI, DEA, signature line; audited', async () => {
    const { org, patientId, clin } = await practice();
    const rx = (
      await clin.post(`/api/patients/${patientId}/prescriptions`, { ...RX, quantity: 30, dispenseAsWritten: true, deaNumber: 'BM4826155' })
    ).json().prescription;
    const res = await clin.get(`/api/patients/${patientId}/prescriptions/${rx.id}.pdf`);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    for (const expected of [
      org.name,
      'East',
      '100 Main St',
      'Springfield, MA 01103',
      'Prescription',
      'Łukasz Nguyễn-Wiśniewski',
      'Date of birth: 03/14/1958',
      '12 Elm St, Apt 3, Chicopee, MA 01020',
      'Lisinopril 10 mg tablet',
      'Sig: Take 1 tablet by mouth once daily.',
      'Quantity: 30 tablets (thirty tablets)',
      'Refills: 3 (three)',
      'Dispense as written: YES',
      'Alice Morgan, MD',
      `NPI: ${(await provider(org)).npi}`,
      'DEA: BM4826155',
      'Signature:',
      'Date written: 03/04/2026',
    ]) {
      expect(text).toContain(expected);
    }
    const printed = await t.db
      .selectFrom('audit_events')
      .select(['user_id', 'resource_id'])
      .where('patient_id', '=', patientId)
      .where('action', '=', 'print')
      .where('resource_type', '=', 'prescription')
      .execute();
    expect(printed).toEqual([{ user_id: org.users.clinician.id, resource_id: rx.id }]);

    // Without a DEA number, the field is a blank line to fill in by hand.
    const plain = (await clin.post(`/api/patients/${patientId}/prescriptions`, RX)).json().prescription;
    const blank = await pdfText((await clin.get(`/api/patients/${patientId}/prescriptions/${plain.id}.pdf`)).rawPayload);
    expect(blank.replace(/\s+/g, ' ')).toMatch(/DEA: _{6,}/);

    // A nurse reads the list but does not print; another patient's path finds nothing.
    expect((await t.as(org, 'nurse').get(`/api/patients/${patientId}/prescriptions`)).statusCode).toBe(200);
    expect((await t.as(org, 'nurse').get(`/api/patients/${patientId}/prescriptions/${rx.id}.pdf`)).statusCode).toBe(403);
    const other = await insertPatient(t.db, org.id);
    expect((await clin.get(`/api/patients/${other}/prescriptions/${rx.id}.pdf`)).statusCode).toBe(404);
  });
});
