/**
 * Input that used to answer 500: control characters in text (U+0000 reaches PostgreSQL,
 * which refuses it) and an empty PATCH of a reminder rule (an UPDATE with an empty SET).
 * Control characters are refused with 400 problem+json naming the field, everywhere
 * (body, nested fields, query); single-line fields refuse tabs and line breaks too,
 * multi-line free text keeps them. An empty PATCH is a no-op 200, as on every PATCH route.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { textProblem } from '@domain/shared/text.ts';
import { afterAll, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cd-text-'));
process.env.DATA_DIR = dataDir;
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const { createTestApp } = await import('../helpers/test-app.ts');
const t = await createTestApp();

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function expect400(res: { statusCode: number; headers: Record<string, unknown>; body: string; json(): unknown }, paths: string[]) {
  expect(res.statusCode, res.body).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const body = res.json() as { code: string; errors: { path: string; message: string }[] };
  expect(body.code).toBe('VALIDATION_FAILED');
  expect(body.errors.map((e) => e.path)).toEqual(paths);
  for (const e of body.errors) expect(e.message).toMatch(/control characters|invalid character|line breaks/);
}

const registration = (extra: Record<string, unknown> = {}) => ({
  givenName: 'Ada',
  familyName: `Textcheck${Math.random().toString(36).slice(2, 8)}`,
  birthDate: '1980-05-06',
  confirmNotDuplicate: true,
  ...extra,
});

async function patientCount(org: TestOrg) {
  return (await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute()).length;
}

describe('control characters in names and free text', () => {
  it('refuses a U+0000 in a patient name with 400 naming the field (was a 500), on registration and edit', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    expect400(await fd.post('/api/patients', registration({ givenName: 'Ada\u0000' })), ['givenName']);
    expect(await patientCount(org)).toBe(0);

    const created = await fd.post('/api/patients', registration());
    expect(created.statusCode, created.body).toBe(201);
    const { id, version } = created.json();
    expect400(await fd.patch(`/api/patients/${id}`, { familyName: 'Love\u0000lace' }, { 'if-match': `"${version}"` }), ['familyName']);
    const after = await fd.get(`/api/patients/${id}`);
    expect(after.json()).toMatchObject({ givenName: 'Ada', version });
  });

  it('refuses other controls, DEL, C1 and lone surrogates, in nested fields too, naming each', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    expect400(await fd.post('/api/patients', registration({ givenName: 'Ada\u0007' })), ['givenName']);
    expect400(await fd.post('/api/patients', registration({ familyName: 'Lo\u007fve' })), ['familyName']);
    expect400(await fd.post('/api/patients', registration({ preferredName: 'A\u0085' })), ['preferredName']);
    expect400(await fd.post('/api/patients', registration({ givenName: 'Ada\ud800' })), ['givenName']);
    expect400(
      await fd.post(
        '/api/patients',
        registration({
          address: { line1: '1 Main St\u0000', city: 'Springfield', state: 'MA', postalCode: '01103' },
          alerts: ['ok', 'bad\u001b[31m'],
        }),
      ),
      ['address.line1', 'alerts.1'],
    );
    // A name is one line: tab and line breaks are refused there (by the field's schema).
    const newline = await fd.post('/api/patients', registration({ givenName: 'Ada\nMarie' }));
    expect(newline.statusCode).toBe(400);
    expect(newline.json().errors).toEqual([{ path: 'givenName', message: expect.stringMatching(/line breaks/) }]);
    expect(await patientCount(org)).toBe(0);
  });

  it('refuses a control character in a query parameter and in a field name', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    expect400(await fd.get('/api/patients?q=ada%00'), ['querystring.q']);
    const key = await fd.post('/api/patients', registration({ 'given\u0000Name': 'x' }));
    expect(key.statusCode).toBe(400);
    expect(await patientCount(org)).toBe(0);
  });

  it('refuses a control character in an appointment type name and in a document description (multi-line text keeps its line breaks)', async () => {
    const org = await t.newOrg();
    const mgr = t.as(org, 'office_manager');
    expect400(await mgr.post('/api/appointment-types', { name: 'Follow-up\u001b', durationMinutes: 15 }), ['name']);
    expect(await t.db.selectFrom('appointment_types').select('id').where('organization_id', '=', org.id).execute()).toEqual([]);

    const pt = (await t.as(org, 'front_desk').post('/api/patients', registration())).json();
    const upload = (query: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/patients/${pt.id}/documents?${query}`,
        headers: { authorization: `Bearer ${org.users.front_desk.token}`, 'content-type': 'image/png' },
        payload: PNG,
      });
    expect400(await upload('category=id&fileName=card.png&description=front%07back'), ['querystring.description']);
    const bell = await upload('category=id&fileName=card%0A.png');
    expect(bell.statusCode).toBe(400);
    expect(bell.json().errors[0].path).toBe('querystring.fileName');
    const ok = await upload('category=id&fileName=card.png&description=front%0Aback%09side');
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().description).toBe('front\nback\tside');
  });

  it('textProblem: the rules in one place', () => {
    expect(textProblem('Zoë Ångström-O’Brien 😀')).toBeNull();
    expect(textProblem('line\nbreak')).toMatch(/line breaks/);
    expect(textProblem('line\nbreak\ttab\r', { multiline: true })).toBeNull();
    expect(textProblem('nul\u0000', { multiline: true })).toMatch(/control/);
    expect(textProblem('del\u007f', { multiline: true })).toMatch(/control/);
    expect(textProblem('c1\u009b', { multiline: true })).toMatch(/control/);
    expect(textProblem('lone\udc00', { multiline: true })).toMatch(/surrogate/);
    expect(textProblem('sep\u2028')).toMatch(/line breaks/);
  });
});

describe('PATCH with nothing to change', () => {
  it('answers a reminder rule PATCH {} with 200 and the rule unchanged (was a 500), and still applies real changes', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const rule = (await om.post('/api/reminder-rules', { hoursBefore: 36 })).json();
    const empty = await om.patch(`/api/reminder-rules/${rule.id}`, {});
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toEqual(rule);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_id', '=', rule.id)
      .where('action', '=', 'update')
      .execute();
    expect(audit).toEqual([]);
    const changed = await om.patch(`/api/reminder-rules/${rule.id}`, { active: false });
    expect(changed.json()).toMatchObject({ hoursBefore: 36, active: false });
    expect((await om.patch(`/api/reminder-rules/${rule.id}`, { hoursBefore: 0 })).statusCode).toBe(400);
  });
});
