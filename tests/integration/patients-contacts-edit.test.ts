/** Guarantor and emergency contacts through the patient PATCH: each shape, and 400s that name the field. */
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

async function patient(org: TestOrg, givenName = 'Ada', birthDate = '1985-12-10') {
  const res = await t.as(org, 'front_desk').post('/api/patients', { givenName, familyName: 'Lovelace', birthDate });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function edit(org: TestOrg, id: string, body: Record<string, unknown>) {
  const cur = (await t.as(org, 'front_desk').get(`/api/patients/${id}`)).json();
  return t.as(org, 'front_desk').patch(`/api/patients/${id}`, body, { 'if-match': `"${cur.version}"` });
}

describe('guarantor and emergency contacts', () => {
  it('sets emergency contacts and each kind of guarantor, leaving the rest alone', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    const parent = await patient(org, 'Annabella', '1960-05-17');
    const contacts = await edit(org, pt.id, {
      emergencyContacts: [{ name: 'Charles Babbage', relationship: 'friend', phone: '(413) 555-0142' }],
    });
    expect(contacts.statusCode, contacts.body).toBe(200);
    expect(contacts.json().emergencyContacts).toEqual([{ name: 'Charles Babbage', relationship: 'friend', phone: '+14135550142' }]);

    const byPatient = await edit(org, pt.id, { guarantor: { kind: 'patient', patientId: parent.id } });
    expect(byPatient.statusCode, byPatient.body).toBe(200);
    expect(byPatient.json().guarantor).toEqual({ kind: 'patient', patientId: parent.id });
    expect(byPatient.json().emergencyContacts).toHaveLength(1);

    const person = {
      kind: 'person',
      givenName: 'William',
      familyName: 'King',
      relationship: 'spouse',
      phone: '413-555-0100',
      address: { line1: '1 Main St', city: 'Springfield', state: 'MA', postalCode: '01103' },
    };
    const byPerson = await edit(org, pt.id, { guarantor: person });
    expect(byPerson.statusCode, byPerson.body).toBe(200);
    expect(byPerson.json().guarantor).toMatchObject({
      kind: 'person',
      givenName: 'William',
      phone: '+14135550100',
      address: { line2: null },
    });

    const self = await edit(org, pt.id, { guarantor: { kind: 'self' }, emergencyContacts: [] });
    expect(self.json()).toMatchObject({ guarantor: { kind: 'self' }, emergencyContacts: [] });
  });

  it('answers 400 naming the field for bad contacts and guarantors', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const pt = await patient(org);
    const stranger = await patient(other);
    const cases: [Record<string, unknown>, string][] = [
      [
        {
          emergencyContacts: [
            { name: 'Ok', phone: '+14135550142' },
            { name: 'Bad', phone: '12' },
          ],
        },
        'emergencyContacts.1.phone',
      ],
      [{ emergencyContacts: [{ name: '', phone: '+14135550142' }] }, 'emergencyContacts.0.name'],
      [{ emergencyContacts: [{ name: 'X', phone: '+14135550142', email: 'x@y.z' }] }, 'emergencyContacts.0'],
      [{ guarantor: { kind: 'person', givenName: 'W' } }, 'guarantor.familyName'],
      [{ guarantor: { kind: 'person', givenName: 'W', familyName: 'K', phone: 'call me' } }, 'guarantor.phone'],
      [{ guarantor: { kind: 'patient', patientId: stranger.id } }, 'guarantor.patientId'],
      [{ guarantor: { kind: 'patient', patientId: pt.id } }, 'guarantor.patientId'],
    ];
    for (const [body, path] of cases) {
      const res = await edit(org, pt.id, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        res
          .json()
          .errors.map((e: { path: string }) => e.path)
          .join(' '),
      ).toContain(path);
    }
    const after = (await t.as(org, 'front_desk').get(`/api/patients/${pt.id}`)).json();
    expect(after).toMatchObject({ version: pt.version, emergencyContacts: [], guarantor: { kind: 'self' } });
  });
});
