/**
 * Who sees encounters, and what survives: a restricted patient's encounters are 404 outside
 * the care team on every surface (and break-glass opens them, audited as such); another
 * practice's encounter is 404; two simultaneous saves of one draft never overwrite each other
 * silently (one 200, one 412); a patient merge moves a signed note without changing a byte
 * of it, and the merge's audit row says so.
 */
import { APP_ROLE } from '@db/index.ts';
import { sql } from 'kysely';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { procedureList, TEST_PASSWORD, visitInState } from '../helpers/encounter-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  org = await t.newOrg();
  other = await t.newOrg();
  await procedureList(t.db, org);
  await procedureList(t.db, other);
});

async function encounterOf(o: TestOrg, patientId: string) {
  const visit = await visitInState(t.db, o, patientId, { status: 'roomed' });
  const res = await t
    .as(o, 'clinician')
    .post('/api/encounters', { patientId, providerId: o.providerId, locationId: o.locationId, appointmentId: visit.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

describe('restricted records', () => {
  it('answer 404 outside the care team on every surface; break-glass opens them and every read is flagged', async () => {
    const patientId = await newPatient(t.db, org, { restricted: true });
    // The clinician is on the team as the patient's primary provider's linked user.
    await t.db.updateTable('patients').set({ primary_provider_id: org.providerId }).where('id', '=', patientId).execute();
    const e = await encounterOf(org, patientId);
    const nurse = t.as(org, 'nurse');
    const surfaces = [
      `/api/encounters/${e.id}`,
      `/api/patients/${patientId}/encounters`,
      `/api/encounters/${e.id}/superbill.pdf`,
      `/api/encounters?patientId=${patientId}`,
    ];
    for (const url of surfaces) expect((await nurse.get(url)).statusCode, url).toBe(404);
    expect((await nurse.patch(`/api/encounters/${e.id}`, { note: { plan: 'x' } }, { 'if-match': `"${e.version}"` })).statusCode).toBe(404);
    const list = await nurse.get('/api/encounters?status=open');
    expect(list.json().items.map((x: { id: string }) => x.id)).not.toContain(e.id);
    expect((await t.as(org, 'clinician').get(`/api/encounters/${e.id}`)).statusCode).toBe(200);

    const grant = await nurse.post(`/api/patients/${patientId}/break-glass`, { reason: 'patient unresponsive in the lobby', minutes: 5 });
    expect(grant.statusCode, grant.body).toBe(201);
    for (const url of surfaces) expect((await nurse.get(url)).statusCode, url).toBe(200);
    const flagged = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'details'])
      .where('user_id', '=', org.users.nurse.id)
      .where('patient_id', '=', patientId)
      .where('break_glass', '=', true)
      .where('action', '<>', 'break_glass')
      .execute();
    expect(flagged.map((a) => `${a.action} ${a.resource_type}`).sort()).toEqual([
      'print superbill',
      'read encounter',
      // the superbill prints the patient's birth date and MRN: a read of the record
      'read patient',
      'read patient_encounters',
      'search encounter',
    ]);
    for (const a of flagged) expect(a.details).toMatchObject({ breakGlassGrantId: grant.json().id });
  });
});

describe('tenancy', () => {
  it("answers 404 for another practice's real encounter on every route, and lists none of it", async () => {
    const theirs = await encounterOf(other, await newPatient(t.db, other));
    const mine = t.as(org, 'clinician');
    expect((await mine.get(`/api/encounters/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await mine.patch(`/api/encounters/${theirs.id}`, { note: { plan: 'x' } }, { 'if-match': `"${theirs.version}"` })).statusCode,
    ).toBe(404);
    expect((await mine.post(`/api/encounters/${theirs.id}/sign`, { password: TEST_PASSWORD })).statusCode).toBe(404);
    expect((await mine.post(`/api/encounters/${theirs.id}/addenda`, { text: 'x' })).statusCode).toBe(404);
    expect((await mine.get(`/api/encounters/${theirs.id}/superbill.pdf`)).statusCode).toBe(404);
    const row = await t.db
      .selectFrom('encounters')
      .select(['patient_id', 'appointment_id'])
      .where('id', '=', theirs.id)
      .executeTakeFirstOrThrow();
    expect((await mine.get(`/api/patients/${row.patient_id}/encounters`)).statusCode).toBe(404);
    expect((await mine.get(`/api/encounters?appointmentId=${row.appointment_id}`)).json().items).toEqual([]);
    const untouched = await t.db.selectFrom('encounters').select(['plan', 'version']).where('id', '=', theirs.id).executeTakeFirstOrThrow();
    expect(untouched).toEqual({ plan: '', version: theirs.version });
    // The second wall: as the app role scoped to this practice, a query that forgets the
    // organization filter still sees none of the other's encounters, codes or addenda.
    const raw = new pg.Client({ connectionString: t.database.connectionString });
    await raw.connect();
    try {
      await raw.query(`set role ${pg.escapeIdentifier(APP_ROLE)}`);
      await raw.query(`select set_config('clinicdesk.organization_id', $1, false)`, [org.id]);
      for (const table of [
        'encounters',
        'encounter_diagnoses',
        'encounter_procedures',
        'encounter_addenda',
        'note_templates',
        'quick_texts',
      ]) {
        const seen = await raw.query(`select count(*)::int as n from ${table} where organization_id = $1`, [other.id]);
        expect(seen.rows[0].n, table).toBe(0);
      }
      expect((await raw.query('select count(*)::int as n from encounters where id = $1', [theirs.id])).rows[0].n).toBe(0);
    } finally {
      await raw.end();
    }
  });
});

describe('concurrent drafts', () => {
  it('two saves with the same If-Match: one 200, one 412, and the winner is what is stored', async () => {
    const e = await encounterOf(org, await newPatient(t.db, org));
    const send = (who: 'clinician' | 'nurse', plan: string) =>
      t.as(org, who).patch(`/api/encounters/${e.id}`, { note: { plan } }, { 'if-match': `"${e.version}"` });
    const answers = await Promise.all([send('clinician', 'from the clinician'), send('nurse', 'from the nurse')]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 412]);
    const winner = answers.find((r) => r.statusCode === 200)?.json();
    const stored = await t.db.selectFrom('encounters').select(['plan', 'version']).where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(stored).toEqual({ plan: winner.note.plan, version: e.version + 1 });
  });
});

describe('patient merge', () => {
  it('moves a signed note to the survivor byte for byte, and the audit says it moved', async () => {
    const survivor = await newPatient(t.db, org);
    const duplicate = await newPatient(t.db, org);
    const e = await encounterOf(org, duplicate);
    const coded = await t.as(org, 'clinician').patch(
      `/api/encounters/${e.id}`,
      {
        note: { subjective: 'Cough for 3 days <no fever>', plan: 'Fluids, rest. Return if worse.' },
        vitals: { systolic: 118, diastolic: 76, temperature: { value: 37.2, unit: 'C' } },
        diagnoses: [{ code: 'R05.9' }],
        procedures: [{ code: '99213', diagnosisPointers: [1] }],
      },
      { 'if-match': `"${e.version}"` },
    );
    expect(coded.statusCode, coded.body).toBe(200);
    expect((await t.as(org, 'clinician').post(`/api/encounters/${e.id}/sign`, { password: TEST_PASSWORD })).statusCode).toBe(200);
    expect((await t.as(org, 'nurse').post(`/api/encounters/${e.id}/addenda`, { text: 'Chest film normal.' })).statusCode).toBe(201);
    // Everything but the patient, as PostgreSQL stores it (text of the row's content and its codes).
    const content = async () =>
      (
        await sql<{ content: string }>`select (to_jsonb(e) - 'patient_id')::text
            || (select coalesce(jsonb_agg(to_jsonb(d) order by d.position), '[]')::text from encounter_diagnoses d where d.encounter_id = e.id)
            || (select coalesce(jsonb_agg(to_jsonb(p) order by p.line), '[]')::text from encounter_procedures p where p.encounter_id = e.id)
            || (select coalesce(jsonb_agg(to_jsonb(a) order by a.signed_at), '[]')::text from encounter_addenda a where a.encounter_id = e.id) as content
          from encounters e where e.id = ${e.id}`.execute(t.db)
      ).rows[0]?.content;
    const before = await content();
    const merged = await t.as(org, 'office_manager').post('/api/patients/merge', { survivorId: survivor, mergedId: duplicate });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(await content()).toBe(before);
    const row = await t.db.selectFrom('encounters').select(['patient_id', 'status']).where('id', '=', e.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ patient_id: survivor, status: 'signed' });
    const timeline = await t.as(org, 'clinician').get(`/api/patients/${survivor}/encounters`);
    expect(timeline.json().items).toEqual([expect.objectContaining({ id: e.id, status: 'signed', addendaCount: 1 })]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('action', '=', 'merge')
      .where('resource_id', '=', survivor)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ mergedId: duplicate, moved: { 'encounters.patient_id': 1 } });
  });
});
