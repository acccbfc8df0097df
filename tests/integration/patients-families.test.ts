/**
 * Families by guarantor (`familiesOf`, the inverse of `guarantorsOf`), as the account and the
 * collections worklist and agency export read them: one statement for many keys, members in name
 * order, the guarantor's phone, merged records left out, a key nobody answers to (or not a key)
 * absent, and at most FAMILY_LIMIT members a family, each family counted on its own.
 */
import { FAMILY_LIMIT, familiesOf, familyOf, guarantorsOf } from '@domain/patients/index.ts';
import { systemCtx } from '@domain/shared/context.ts';
import { describe, expect, it } from 'vitest';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
const org = await t.newOrg();
const ctx = systemCtx(t.db, t.clock, org.id, 'tests', 'families-test');

async function patient(familyName: string, set: Record<string, unknown> = {}): Promise<string> {
  const id = await newPatient(t.db, org);
  await t.db
    .updateTable('patients')
    .set({ family_name: familyName, ...set })
    .where('id', '=', id)
    .execute();
  return id;
}

describe('familiesOf', () => {
  it('answers each key its members by name, with the phone to call; merged and unknown keys are left out', async () => {
    const parent = await patient('Moss', { phones: JSON.stringify([{ type: 'mobile', number: '303-555-0101' }]) });
    const zed = await patient('Zed', { guarantor_kind: 'patient', guarantor_patient_id: parent });
    const abel = await patient('Abel', { guarantor_kind: 'patient', guarantor_patient_id: parent });
    const merged = await patient('Aaron', { guarantor_kind: 'patient', guarantor_patient_id: parent });
    await t.db.updateTable('patients').set({ status: 'merged', merged_into_id: abel }).where('id', '=', merged).execute();
    const ward = await patient('Ward', {
      guarantor_kind: 'person',
      guarantor_person: JSON.stringify({
        givenName: 'Ann',
        familyName: 'Ward',
        birthDate: null,
        relationship: 'parent',
        phone: '720-555-0199',
        address: null,
      }),
    });
    // A guarantor patient who does not answer for their own bill: not a member of their own key, their phone still is the family's.
    const payer = await patient('Payer', {
      guarantor_kind: 'person',
      guarantor_person: JSON.stringify({
        givenName: 'X',
        familyName: 'Y',
        birthDate: null,
        relationship: null,
        phone: null,
        address: null,
      }),
    });
    await t.db
      .updateTable('patients')
      .set({ phones: JSON.stringify([{ type: 'home', number: '303-555-0123' }]) })
      .where('id', '=', payer)
      .execute();
    const dependent = await patient('Dependent', { guarantor_kind: 'patient', guarantor_patient_id: payer });
    const nobody = await patient('Nobody', { guarantor_kind: 'patient', guarantor_patient_id: parent });

    const keys = [parent, `person:${ward}`, payer, `person:${nobody}`, 'not-a-key', 'person:nope'];
    const families = await familiesOf(ctx, keys);
    expect([...families.keys()].sort()).toEqual([parent, `person:${ward}`, payer].sort());
    expect(families.get(parent)).toEqual({
      members: [abel, parent, nobody, zed].map((id) => expect.objectContaining({ patientId: id })),
      phone: '303-555-0101',
    });
    expect(families.get(parent)?.members.map((m) => m.familyName)).toEqual(['Abel', 'Moss', 'Nobody', 'Zed']);
    expect(families.get(`person:${ward}`)).toEqual({
      members: [expect.objectContaining({ patientId: ward, familyName: 'Ward' })],
      phone: '720-555-0199',
    });
    expect(families.get(payer)).toEqual({ members: [expect.objectContaining({ patientId: dependent })], phone: '303-555-0123' });
    // The single-key form answers the same; guarantorsOf of every member gives back the key.
    expect(await familyOf(ctx, parent)).toEqual(families.get(parent));
    expect(await familyOf(ctx, 'not-a-key')).toBeNull();
    const back = await guarantorsOf(ctx, [abel, zed, parent, ward, dependent]);
    expect([abel, zed, parent].map((id) => back.get(id)?.key)).toEqual([parent, parent, parent]);
    expect(back.get(ward)?.key).toBe(`person:${ward}`);
    expect(back.get(dependent)?.key).toBe(payer);
  });

  it('lists at most FAMILY_LIMIT members of a family, first by name, without crowding out the other keys', async () => {
    const big = await patient('Big');
    for (let i = 0; i < FAMILY_LIMIT + 5; i++)
      await patient(`Kid${String(i).padStart(3, '0')}`, { guarantor_kind: 'patient', guarantor_patient_id: big });
    const small = await patient('Small');
    const families = await familiesOf(ctx, [big, small]);
    const members = families.get(big)?.members ?? [];
    expect(members).toHaveLength(FAMILY_LIMIT);
    expect(members[0]?.familyName).toBe('Big');
    expect(members.at(-1)?.familyName).toBe(`Kid${String(FAMILY_LIMIT - 2).padStart(3, '0')}`);
    expect(families.get(small)?.members.map((m) => m.patientId)).toEqual([small]);
  });
});
