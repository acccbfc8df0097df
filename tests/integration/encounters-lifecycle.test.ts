/**
 * An encounter from draft to signed note: opened from a roomed visit, vitals (with BMI) by a
 * nurse, codes checked against ICD-10-CM and the practice's procedure list, signed by its
 * rendering provider only, with a password that counts toward the lockout; then locked, by
 * the API (409 NOTE_SIGNED) and by the database (the trigger, tried as the app role), and
 * amended by addendum. Text is stored exactly as typed; the superbill prints codes and fees.
 */
import { APP_ROLE } from '@db/index.ts';
import { localDateOf } from '@domain/scheduling/index.ts';
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { clinicianOf, procedureList, TEST_PASSWORD, visitInState } from '../helpers/encounter-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { newPatient, newProvider } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();
let org: TestOrg;
beforeAll(async () => {
  org = await t.newOrg();
  await procedureList(t.db, org);
});

const withVersion = (v: number | string) => ({ 'if-match': `"${v}"` });

async function openFromVisit(o: { startsAt?: string } = {}) {
  const patientId = await newPatient(t.db, org);
  const visit = await visitInState(t.db, org, patientId, { status: 'roomed', ...o });
  const res = await t.as(org, 'nurse').post('/api/encounters', {
    patientId,
    providerId: org.providerId,
    locationId: org.locationId,
    appointmentId: visit.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  return { patientId, visit, encounter: res.json(), etag: res.headers.etag as string };
}

/** A draft with two diagnoses and a coded visit, ready to sign. */
async function codedDraft() {
  const { encounter, patientId } = await openFromVisit();
  const res = await t.as(org, 'clinician').patch(
    `/api/encounters/${encounter.id}`,
    {
      note: { assessment: 'Hypertension, at goal. Type 2 diabetes, stable.' },
      diagnoses: [{ code: 'I10' }, { code: 'e11.9' }],
      procedures: [{ code: '99213', modifiers: ['25'], units: 1, diagnosisPointers: [1, 2] }],
      followUp: { inDays: 90, note: 'Recheck blood pressure' },
    },
    withVersion(encounter.version),
  );
  expect(res.statusCode, res.body).toBe(200);
  return { encounter: res.json(), patientId };
}

async function asAppRole<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: t.database.connectionString });
  await c.connect();
  try {
    await c.query(`set role ${pg.escapeIdentifier(APP_ROLE)}`);
    await c.query(`select set_config('clinicdesk.organization_id', $1, false)`, [org.id]);
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('opening an encounter', () => {
  it("from a roomed visit: dated the visit's day on the location's clock, one per visit (409 names the first)", async () => {
    // 03:30 UTC on March 3 is the evening of March 2 in New York (the org's first location).
    const { encounter, etag, patientId, visit } = await openFromVisit({ startsAt: '2026-03-03T03:30:00Z' });
    expect(encounter).toMatchObject({
      status: 'open',
      patientId,
      providerId: org.providerId,
      dateOfService: '2026-03-02',
      appointmentId: visit.id,
    });
    expect(encounter.appointmentTypeId).toBe(visit.typeId);
    expect(etag).toBe(`"${encounter.version}"`);
    const again = await t.as(org, 'clinician').post('/api/encounters', {
      patientId,
      providerId: org.providerId,
      locationId: org.locationId,
      appointmentId: visit.id,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_EXISTS', encounterId: encounter.id });
  });

  it('refuses a visit the patient has not checked in for, or one of another patient', async () => {
    const patientId = await newPatient(t.db, org);
    const booked = await visitInState(t.db, org, patientId, { status: 'scheduled' });
    const body = { patientId, providerId: org.providerId, locationId: org.locationId, appointmentId: booked.id };
    const early = await t.as(org, 'nurse').post('/api/encounters', body);
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('CONFLICT');
    const other = await newPatient(t.db, org);
    const wrong = await t.as(org, 'nurse').post('/api/encounters', { ...body, patientId: other });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].path).toBe('patientId');
    expect(await t.db.selectFrom('encounters').select('id').where('patient_id', 'in', [patientId, other]).execute()).toEqual([]);
  });

  it("ad hoc: dated today on the location's clock", async () => {
    const patientId = await newPatient(t.db, org);
    const res = await t
      .as(org, 'clinician')
      .post('/api/encounters', { patientId, providerId: org.providerId, locationId: org.secondLocationId });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ appointmentId: null, dateOfService: localDateOf(Date.now(), 'America/Denver') });
  });
});

describe('the draft', () => {
  it('takes vitals from a nurse and answers the BMI; an implausible value is 400 naming the field and changes nothing', async () => {
    const { encounter } = await openFromVisit();
    const nurse = t.as(org, 'nurse');
    const res = await nurse.patch(
      `/api/encounters/${encounter.id}`,
      {
        vitals: {
          systolic: 128,
          diastolic: 82,
          heartRate: 72,
          respiratoryRate: 16,
          spo2: 98,
          temperature: { value: 98.6, unit: 'F' },
          weight: { value: 180, unit: 'lb' },
          height: { value: 70, unit: 'in' },
        },
      },
      withVersion(encounter.version),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().vitals).toEqual({
      systolic: 128,
      diastolic: 82,
      heartRate: 72,
      respiratoryRate: 16,
      spo2: 98,
      temperature: { value: 98.6, unit: 'F' },
      weight: { value: 180, unit: 'lb' },
      height: { value: 70, unit: 'in' },
      bmi: 25.8,
    });
    const version = res.json().version;
    for (const [vitals, path] of [
      [{ systolic: 400, diastolic: 80 }, 'vitals.systolic'],
      [{ temperature: { value: 200, unit: 'F' } }, 'vitals.temperature.value'],
      [{ weight: { value: 900, unit: 'kg' } }, 'vitals.weight.value'],
      [{ diastolic: 130 }, 'vitals.diastolic'],
    ] as const) {
      const bad = await nurse.patch(`/api/encounters/${encounter.id}`, { vitals }, withVersion(version));
      expect(bad.statusCode, bad.body).toBe(400);
      expect(bad.json().errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    const now = await nurse.get(`/api/encounters/${encounter.id}`);
    expect(now.json()).toMatchObject({ version, vitals: { systolic: 128, bmi: 25.8 } });
    // Metric units give the same kind of answer.
    const metric = await nurse.patch(
      `/api/encounters/${encounter.id}`,
      { vitals: { weight: { value: 70, unit: 'kg' }, height: { value: 175, unit: 'cm' } } },
      withVersion(version),
    );
    expect(metric.json().vitals).toMatchObject({ systolic: 128, bmi: 22.9 });
  });

  it('needs If-Match (428) and a current one (412 with the current encounter)', async () => {
    const { encounter } = await openFromVisit();
    const url = `/api/encounters/${encounter.id}`;
    const missing = await t.as(org, 'clinician').patch(url, { note: { subjective: 'x' } });
    expect(missing.statusCode).toBe(428);
    const ok = await t.as(org, 'clinician').patch(url, { note: { subjective: 'first' } }, withVersion(encounter.version));
    expect(ok.statusCode).toBe(200);
    const stale = await t.as(org, 'clinician').patch(url, { note: { subjective: 'second' } }, withVersion(encounter.version));
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current).toMatchObject({ version: ok.json().version, note: { subjective: 'first' } });
  });

  it('stores note text exactly as typed, markup and all', async () => {
    const { encounter } = await openFromVisit();
    const note = {
      subjective: '<img src=x onerror=alert(1)>',
      objective: 'BP < 130/80 & HR > 60; "quoted" \'single\'\n  indented line\t',
      assessment: '<script>alert("x")</script>',
      plan: '  leading and trailing spaces  ',
    };
    const res = await t.as(org, 'clinician').patch(`/api/encounters/${encounter.id}`, { note }, withVersion(encounter.version));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().note).toEqual({ format: 'plain', ...note });
    const row = await t.db
      .selectFrom('encounters')
      .select(['subjective', 'objective', 'assessment', 'plan'])
      .where('id', '=', encounter.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual(note);
    expect((await t.as(org, 'nurse').get(`/api/encounters/${encounter.id}`)).json().note).toEqual({ format: 'plain', ...note });
  });

  it('refuses a header diagnosis code, an unknown procedure and units on a code billed once (400 naming each field)', async () => {
    const { encounter } = await openFromVisit();
    const url = `/api/encounters/${encounter.id}`;
    const header = await t
      .as(org, 'clinician')
      .patch(url, { diagnoses: [{ code: 'I10' }, { code: 'E11' }] }, withVersion(encounter.version));
    expect(header.statusCode).toBe(400);
    expect(header.json().errors).toEqual([{ path: 'diagnoses.1.code', message: expect.stringContaining('not a billable code') }]);
    const procs = await t.as(org, 'clinician').patch(
      url,
      {
        procedures: [
          { code: '99999', diagnosisPointers: [1] },
          { code: '99213', units: 2, diagnosisPointers: [1] },
          { code: '96372', units: 3, diagnosisPointers: [1, 1] },
        ],
      },
      withVersion(encounter.version),
    );
    expect(procs.statusCode).toBe(400);
    expect(procs.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'procedures.0.code',
      'procedures.1.units',
      'procedures.2.diagnosisPointers',
    ]);
    const ok = await t.as(org, 'clinician').patch(
      url,
      {
        diagnoses: [{ code: 'i10' }, { code: 'E119' }],
        procedures: [
          { code: '99213', modifiers: ['25'], diagnosisPointers: [1, 2] },
          { code: '96372', units: 3, diagnosisPointers: [2] },
        ],
      },
      withVersion(encounter.version),
    );
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().diagnoses).toEqual([
      { code: 'I10', description: 'Essential (primary) hypertension' },
      { code: 'E11.9', description: expect.stringContaining('Type 2 diabetes mellitus') },
    ]);
    expect(ok.json().procedures).toEqual([
      { code: '99213', description: expect.any(String), modifiers: ['25'], units: 1, diagnosisPointers: [1, 2], feeCents: 15000 },
      { code: '96372', description: 'Injection', modifiers: [], units: 3, diagnosisPointers: [2], feeCents: 12000 },
    ]);
    // Off the practice's list, a HCPCS Level II code in effect is accepted (described by the reference set, no fee); a made-up one is not.
    const hcpcs = await t
      .as(org, 'clinician')
      .patch(url, { procedures: [{ code: 'j1100', units: 4, diagnosisPointers: [1] }] }, withVersion(ok.json().version));
    expect(hcpcs.statusCode, hcpcs.body).toBe(200);
    expect(hcpcs.json().procedures).toEqual([
      {
        code: 'J1100',
        description: expect.stringMatching(/dexamethasone/i),
        modifiers: [],
        units: 4,
        diagnosisPointers: [1],
        feeCents: null,
      },
    ]);
    const madeUp = await t
      .as(org, 'clinician')
      .patch(url, { procedures: [{ code: 'V9999', diagnosisPointers: [1] }] }, withVersion(hcpcs.json().version));
    expect(madeUp.statusCode).toBe(400);
    expect(madeUp.json().errors[0].path).toBe('procedures.0.code');
  });
});

describe('signing', () => {
  it('only by the rendering provider: a nurse 403, another provider 403, a wrong password 401 counted toward the lockout', async () => {
    const { encounter } = await codedDraft();
    const url = `/api/encounters/${encounter.id}/sign`;
    const nurse = await t.as(org, 'nurse').post(url, { password: TEST_PASSWORD });
    expect(nurse.statusCode).toBe(403);
    const other = await clinicianOf(t.db, t.clock, org, await newProvider(t.db, org));
    const byOther = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${other.token}` },
      payload: { password: TEST_PASSWORD },
    });
    expect(byOther.statusCode, byOther.body).toBe(403);
    const failuresBefore = await t.db.selectFrom('login_failures').select('id').where('email', '=', org.users.clinician.email).execute();
    const wrong = await t.as(org, 'clinician').post(url, { password: 'not my password at all' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', errors: [{ path: 'password' }] });
    const failuresAfter = await t.db.selectFrom('login_failures').select('id').where('email', '=', org.users.clinician.email).execute();
    expect(failuresAfter.length).toBe(failuresBefore.length + 1);
    const row = await t.db.selectFrom('encounters').select(['status', 'version']).where('id', '=', encounter.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'open', version: encounter.version });
  });

  it('refuses a procedure without a diagnosis pointer, or pointing beyond the diagnoses (400 naming the line)', async () => {
    const { encounter } = await openFromVisit();
    const url = `/api/encounters/${encounter.id}`;
    const draft = await t.as(org, 'clinician').patch(
      url,
      {
        note: { plan: 'Labs today.' },
        diagnoses: [{ code: 'I10' }],
        procedures: [
          { code: '99213', diagnosisPointers: [] },
          { code: '36415', diagnosisPointers: [1, 3] },
        ],
      },
      withVersion(encounter.version),
    );
    expect(draft.statusCode, draft.body).toBe(200);
    const sign = await t.as(org, 'clinician').post(`${url}/sign`, { password: TEST_PASSWORD });
    expect(sign.statusCode).toBe(400);
    expect(sign.json().errors.map((e: { path: string }) => e.path)).toEqual([
      'procedures.0.diagnosisPointers',
      'procedures.1.diagnosisPointers',
    ]);
    expect(
      (
        await t.db
          .selectFrom('encounters')
          .select('status')
          .where('id', '=', url.split('/').pop() as string)
          .executeTakeFirstOrThrow()
      ).status,
    ).toBe('open');
  });

  it('refuses a note with every section empty or blank (400 naming the note) and leaves it open', async () => {
    const { encounter } = await openFromVisit();
    const url = `/api/encounters/${encounter.id}`;
    const blank = await t.as(org, 'clinician').patch(url, { note: { subjective: '  \n ' } }, withVersion(encounter.version));
    expect(blank.statusCode, blank.body).toBe(200);
    const sign = await t.as(org, 'clinician').post(`${url}/sign`, { password: TEST_PASSWORD });
    expect(sign.statusCode, sign.body).toBe(400);
    expect(sign.json().errors.map((e: { path: string }) => e.path)).toEqual(['note']);
    const after = await t.as(org, 'clinician').get(url);
    expect(after.json().status).toBe('open');
  });

  it('locks the note: PATCH answers 409 NOTE_SIGNED; the follow-up reaches the worklist; an addendum is appended', async () => {
    const { encounter, patientId } = await codedDraft();
    const url = `/api/encounters/${encounter.id}`;
    const sign = await t.as(org, 'clinician').post(`${url}/sign`, { password: TEST_PASSWORD });
    expect(sign.statusCode, sign.body).toBe(200);
    expect(sign.json()).toMatchObject({ status: 'signed', signedBy: org.users.clinician.id, cosignRequired: false, complete: true });
    expect(Date.parse(sign.json().signedAt)).toBeGreaterThan(0);
    const after = await t.as(org, 'clinician').patch(url, { note: { plan: 'changed my mind' } }, withVersion(sign.json().version));
    expect(after.statusCode).toBe(409);
    expect(after.json().code).toBe('NOTE_SIGNED');
    const again = await t.as(org, 'clinician').post(`${url}/sign`, { password: TEST_PASSWORD });
    expect(again.json().code).toBe('NOTE_SIGNED');
    // encounter.signed reached the follow-ups module in the signing transaction.
    const followUp = await t.db
      .selectFrom('follow_ups')
      .select(['patient_id', 'due_date'])
      .where('encounter_id', '=', encounter.id)
      .execute();
    expect(followUp).toHaveLength(1);
    expect(followUp[0]?.patient_id).toBe(patientId);

    const draftAddendum = await openFromVisit();
    const early = await t.as(org, 'clinician').post(`/api/encounters/${draftAddendum.encounter.id}/addenda`, { text: 'too early' });
    expect(early.statusCode).toBe(409);
    const first = await t.as(org, 'nurse').post(`${url}/addenda`, { text: 'Lab called: potassium 4.1 <normal>' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ text: 'Lab called: potassium 4.1 <normal>', authorId: org.users.nurse.id });
    const second = await t.as(org, 'clinician').post(`${url}/addenda`, { text: 'Discussed with patient by phone.' });
    expect(second.statusCode).toBe(201);
    const read = await t.as(org, 'clinician').get(url);
    expect(read.json().addenda.map((a: { text: string }) => a.text)).toEqual([
      'Lab called: potassium 4.1 <normal>',
      'Discussed with patient by phone.',
    ]);
    expect(read.json().note.plan).toBe(encounter.note.plan);
    const timeline = await t.as(org, 'nurse').get(`/api/patients/${patientId}/encounters`);
    expect(timeline.json().items).toEqual([expect.objectContaining({ id: encounter.id, status: 'signed', addendaCount: 2 })]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'user_id'])
      .where('resource_id', '=', encounter.id)
      .where('action', 'in', ['sign', 'amend'])
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['sign', 'amend', 'amend']);
  });

  it('is enforced by the database for every writer: the trigger refuses content changes as the app role', async () => {
    const { encounter, patientId } = await codedDraft();
    const sign = await t.as(org, 'clinician').post(`/api/encounters/${encounter.id}/sign`, { password: TEST_PASSWORD });
    expect(sign.statusCode, sign.body).toBe(200);
    const refused = [
      `update encounters set plan = 'rewritten' where id = $1`,
      `update encounters set systolic = 120, diastolic = 70 where id = $1`,
      `update encounters set date_of_service = date_of_service - 1 where id = $1`,
      `update encounters set status = 'open', signed_at = null, signed_by = null where id = $1`,
      `update encounters set version = version + 1 where id = $1`,
      `update encounter_diagnoses set code = 'E11.9' where encounter_id = $1 and position = 1`,
      `delete from encounter_procedures where encounter_id = $1`,
      `insert into encounter_diagnoses (organization_id, encounter_id, position, code) select organization_id, id, 3, 'J02.0' from encounters where id = $1`,
      `delete from encounters where id = $1`,
    ];
    await asAppRole(async (c) => {
      for (const statement of refused) {
        await expect(c.query(statement, [encounter.id]), statement).rejects.toThrow(/signed/);
      }
      // Addenda are never edited (no UPDATE grant on an append-only table).
      await expect(c.query('update encounter_addenda set text = $2 where encounter_id = $1', [encounter.id, 'x'])).rejects.toThrow();
      // A merge re-points patient_id (content untouched): allowed.
      const survivor = await newPatient(t.db, org);
      const moved = await c.query('update encounters set patient_id = $2 where id = $1', [encounter.id, survivor]);
      expect(moved.rowCount).toBe(1);
      await c.query('update encounters set patient_id = $2 where id = $1', [encounter.id, patientId]);
    });
    const row = await t.db.selectFrom('encounters').selectAll().where('id', '=', encounter.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'signed', plan: '', version: sign.json().version });
  });
});

describe('the superbill', () => {
  it('prints the practice, provider NPI, diagnoses with descriptions, procedures with modifiers and pointers, fees and the total', async () => {
    const { encounter } = await codedDraft();
    const more = await t.as(org, 'clinician').patch(
      `/api/encounters/${encounter.id}`,
      {
        procedures: [
          { code: '99213', modifiers: ['25'], diagnosisPointers: [1, 2] },
          { code: '96372', units: 2, diagnosisPointers: [2] },
        ],
      },
      withVersion(encounter.version),
    );
    expect(more.statusCode, more.body).toBe(200);
    const res = await t.as(org, 'clinician').get(`/api/encounters/${encounter.id}/superbill.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = (await pdfText(res.rawPayload)).replace(/\s+/g, ' ');
    const npi = (await t.db.selectFrom('providers').select('npi').where('id', '=', org.providerId).executeTakeFirstOrThrow()).npi;
    const who = await t.db
      .selectFrom('patients')
      .select(['given_name', 'family_name', 'mrn', 'birth_date'])
      .where('id', '=', encounter.patientId)
      .executeTakeFirstOrThrow();
    for (const expected of [
      'Superbill',
      `${who.given_name} ${who.family_name}`,
      `MRN ${who.mrn}`,
      `born ${who.birth_date}`,
      org.name,
      `NPI ${npi}`,
      'I10',
      'Essential (primary) hypertension',
      'E11.9',
      '99213',
      '25',
      '1, 2',
      '$150.00',
      '96372',
      '$80.00',
      'Total: $230.00',
    ]) {
      expect(text).toContain(expected);
    }
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', encounter.id)
      .where('resource_type', '=', 'superbill')
      .execute();
    expect(audit).toEqual([{ action: 'print' }]);
  });
});
