import { describe, expect, it } from 'vitest';
import { registrationHash, toPatientColumns } from './patient-row.ts';
import { type PatientInput, patientInputSchema } from './patients.schemas.ts';

const base: PatientInput = {
  givenName: 'John',
  familyName: 'Smith',
  birthDate: '1980-03-07',
  phones: [{ type: 'mobile', number: '413-736-1234' }],
  address: { line1: '1 Main St', city: 'Amherst', state: 'MA', postalCode: '01002' },
};
const hashOf = (input: PatientInput) => registrationHash(patientInputSchema.parse(input));

describe('registrationHash', () => {
  it('is the same for the same registration sent twice, whatever the key order', () => {
    const reordered: PatientInput = {
      address: { postalCode: '01002', state: 'MA', city: 'Amherst', line1: '1 Main St' },
      birthDate: '1980-03-07',
      phones: [{ number: '413-736-1234', type: 'mobile' }],
      familyName: 'Smith',
      givenName: 'John',
    };
    expect(hashOf(reordered)).toBe(hashOf(base));
    expect(hashOf(base)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores letter case and the duplicate-confirmation flag, and omitted fields equal their defaults', () => {
    expect(hashOf({ ...base, givenName: 'JOHN', familyName: 'smith' })).toBe(hashOf(base));
    expect(hashOf({ ...base, confirmNotDuplicate: true })).toBe(hashOf(base));
    expect(hashOf({ ...base, middleName: null, sex: 'unknown', alerts: [] })).toBe(hashOf(base));
  });

  it('differs when any value differs, also deep inside an object or a list', () => {
    const hash = hashOf(base);
    expect(hashOf({ ...base, birthDate: '1980-03-08' })).not.toBe(hash);
    expect(hashOf({ ...base, middleName: 'Q' })).not.toBe(hash);
    expect(hashOf({ ...base, address: { ...base.address, line1: '2 Main St' } as PatientInput['address'] })).not.toBe(hash);
    expect(hashOf({ ...base, phones: [{ type: 'home', number: '413-736-1234' }] })).not.toBe(hash);
    expect(hashOf({ ...base, restricted: true })).not.toBe(hash);
  });

  it('does not confuse a string with the same text as a number or boolean', () => {
    // The canonical form keeps JSON types: "1" and 1 are different values.
    expect(hashOf({ ...base, alerts: ['true'] })).not.toBe(hashOf({ ...base, alerts: ['"true"'] }));
  });
});

describe('toPatientColumns', () => {
  it('writes only the fields present, JSON-encoding the structured ones', () => {
    expect(toPatientColumns({ givenName: 'Ann' })).toEqual({ given_name: 'Ann' });
    expect(toPatientColumns({ middleName: null })).toEqual({ middle_name: null });
    expect(toPatientColumns({ alerts: ['needs wheelchair'] })).toEqual({ alerts: '["needs wheelchair"]' });
    expect(toPatientColumns({ address: null })).toEqual({ address: null });
    expect(toPatientColumns({})).toEqual({});
  });

  it('maps each guarantor kind onto the three guarantor columns, clearing the other two', () => {
    expect(toPatientColumns({ guarantor: { kind: 'self' } })).toEqual({
      guarantor_kind: 'self',
      guarantor_patient_id: null,
      guarantor_person: null,
    });
    const patientId = '5b1f4c7e-8a43-4c2a-9d6e-1f2a3b4c5d6e';
    expect(toPatientColumns({ guarantor: { kind: 'patient', patientId } })).toEqual({
      guarantor_kind: 'patient',
      guarantor_patient_id: patientId,
      guarantor_person: null,
    });
    const person = { givenName: 'Mary', familyName: 'Smith', relationship: 'mother' };
    const cols = toPatientColumns({ guarantor: { kind: 'person', ...person } as never });
    expect(cols.guarantor_kind).toBe('person');
    expect(cols.guarantor_patient_id).toBeNull();
    // The kind tag is not stored inside the person.
    expect(JSON.parse(cols.guarantor_person as string)).toEqual(person);
  });
});
