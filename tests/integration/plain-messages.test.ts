/**
 * Issue 11, item 6: a refused request says what is wrong in words a person reads ("Enter a
 * two-letter US state, such as CO."), never zod's ("Invalid option: expected one of ..."),
 * and `errors[].path` still names the field (tests and tools match on it). Nothing is stored.
 */
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

const ada = {
  givenName: 'Ada',
  familyName: 'Plainword',
  birthDate: '1985-07-14',
  address: { line1: '1 Elm St', city: 'Denver', state: 'CO', postalCode: '80202' },
};

/** Zod's English wording, which must never reach a person. */
const ZOD_WORDING = /expected|received|Invalid (input|option|string)|Too (small|big)|>=|<=|Unrecognized/;

async function refused(org: TestOrg, body: Record<string, unknown>) {
  const res = await t.as(org, 'front_desk').post('/api/patients', body);
  expect(res.statusCode, res.body).toBe(400);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  const problem = res.json() as { code: string; detail: string; errors: { path: string; message: string }[] };
  expect(problem.code).toBe('VALIDATION_FAILED');
  expect(problem.detail).not.toMatch(ZOD_WORDING);
  expect(problem.detail).not.toMatch(/request body is invalid/);
  for (const e of problem.errors) {
    expect(e.message, e.path).not.toMatch(ZOD_WORDING);
    expect(e.message, e.path).toMatch(/^[A-Z].*[.)]$/);
  }
  return problem;
}

async function patientCount(org: TestOrg) {
  const rows = await t.db.selectFrom('patients').select('id').where('organization_id', '=', org.id).execute();
  return rows.length;
}

describe('validation messages for people', () => {
  it('names the field by its path and says how to fix a one-letter state, an empty name, a bad date', async () => {
    const org = await t.newOrg();

    const state = await refused(org, { ...ada, address: { ...ada.address, state: 'C' } });
    expect(state.errors).toEqual([{ path: 'address.state', message: 'Enter a two-letter US state, such as CO.' }]);
    expect(state.detail).toBe('One field needs correcting.');

    const name = await refused(org, { ...ada, givenName: '  ' });
    expect(name.errors).toEqual([{ path: 'givenName', message: 'Required.' }]);

    const long = await refused(org, { ...ada, familyName: 'x'.repeat(101) });
    expect(long.errors).toEqual([{ path: 'familyName', message: 'Must be at most 100 characters.' }]);

    const impossible = await refused(org, { ...ada, birthDate: '1985-02-30' });
    expect(impossible.errors).toEqual([{ path: 'birthDate', message: 'Not a real calendar date.' }]);
    const usStyle = await refused(org, { ...ada, birthDate: '07/14/1985' });
    expect(usStyle.errors.map((e) => e.path)).toEqual(['birthDate']);
    expect(usStyle.errors[0]?.message).toMatch(/YYYY-MM-DD/);

    const several = await refused(org, { ...ada, givenName: '', sex: 'x', phones: [{ type: 'mobile', number: '12' }], extra: 1 });
    expect(several.detail).toBe('4 fields need correcting.');
    expect(Object.fromEntries(several.errors.map((e) => [e.path, e.message]))).toEqual({
      givenName: 'Required.',
      sex: 'Choose one of: female, male, unknown.',
      'phones.0.number': 'Not a valid phone number: include the area code, such as (303) 555-0142.',
      extra: 'Not a field this request accepts.',
    });

    expect(await patientCount(org)).toBe(0);
  });

  it('speaks plainly about the query string, a wrong type and a body that is not JSON', async () => {
    const org = await t.newOrg();
    const query = await t.as(org, 'front_desk').get('/api/patients?limit=0');
    expect(query.statusCode).toBe(400);
    expect(query.json()).toMatchObject({
      detail: 'A search or filter value needs correcting.',
      errors: [{ path: 'querystring.limit', message: 'Must be 1 or more.' }],
    });

    const typed = await t.as(org, 'front_desk').post('/api/patients', { ...ada, consentSmsReminders: 'yes' });
    expect(typed.json().errors).toEqual([{ path: 'consentSmsReminders', message: 'Must be yes or no (true or false).' }]);

    const notJson = await t.app.inject({
      method: 'POST',
      url: '/api/patients',
      headers: { authorization: `Bearer ${org.users.front_desk.token}`, 'content-type': 'application/json' },
      payload: '{"givenName": ',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.json()).toMatchObject({ detail: 'The request body is not valid JSON.' });
    expect(await patientCount(org)).toBe(0);
  });
});

describe('payers', () => {
  it('are added, edited with If-Match, taken off the list and back, each change audited; billers may, the desk may not', async () => {
    const org = await t.newOrg();
    const biller = t.as(org, 'biller');
    const created = await biller.post('/api/payers', { name: 'Front Range Health', ediPayerId: 'FRH01', phone: '303-555-0142' });
    expect(created.statusCode, created.body).toBe(201);
    const payer = created.json();
    expect(payer).toMatchObject({ name: 'Front Range Health', phone: '+13035550142', active: true, version: 1 });
    expect(created.headers.etag).toBe('"1"');

    const badEdi = await biller.patch(`/api/payers/${payer.id}`, { ediPayerId: 'x' }, { 'if-match': '"1"' });
    expect(badEdi.statusCode).toBe(400);
    expect(badEdi.json().errors).toEqual([
      { path: 'ediPayerId', message: 'Enter the EDI payer id: 2 to 10 letters or digits, such as 60054.' },
    ]);

    const renamed = await biller.patch(
      `/api/payers/${payer.id}`,
      { name: 'Front Range Health Plan', timelyFilingDays: 180 },
      { 'if-match': '"1"' },
    );
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Front Range Health Plan', ediPayerId: 'FRH01', timelyFilingDays: 180, version: 2 });
    expect(renamed.headers.etag).toBe('"2"');
    const stale = await biller.patch(`/api/payers/${payer.id}`, { name: 'Lost update' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.name).toBe('Front Range Health Plan');
    expect((await biller.patch(`/api/payers/${payer.id}`, { name: 'No version' })).statusCode).toBe(428);

    const other = await biller.post('/api/payers', { name: 'Mile High Mutual' });
    const clash = await biller.patch(`/api/payers/${other.json().id}`, { name: 'Front Range Health Plan' }, { 'if-match': '"1"' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors).toEqual([{ path: 'name', message: 'The practice already has a payer of this name.' }]);

    const names = async (query = '') =>
      (await t.as(org, 'front_desk').get(`/api/payers${query}`)).json().items.map((p: { name: string }) => p.name);
    const off = await biller.patch(`/api/payers/${payer.id}`, { active: false }, { 'if-match': '"2"' });
    expect(off.json()).toMatchObject({ active: false, version: 3 });
    expect(await names()).not.toContain('Front Range Health Plan');
    expect(await names('?includeInactive=true')).toContain('Front Range Health Plan');
    // Off the list means no new coverage names it, whatever a client sends.
    const patient = await t
      .as(org, 'front_desk')
      .post('/api/patients', { givenName: 'Ada', familyName: 'Payerless', birthDate: '1970-01-01' });
    const refused = await t.as(org, 'front_desk').post(`/api/patients/${patient.json().id}/coverages`, {
      payerId: payer.id,
      memberId: 'W1',
      priority: 'primary',
      effectiveDate: '2026-01-01',
    });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().errors[0].path).toBe('payerId');
    expect((await biller.patch(`/api/payers/${payer.id}`, { active: true }, { 'if-match': '"3"' })).json().active).toBe(true);
    expect(await names()).toContain('Front Range Health Plan');

    // The front desk reads the list but does not maintain it; another practice's payer is missing.
    expect((await t.as(org, 'front_desk').patch(`/api/payers/${payer.id}`, { active: false }, { 'if-match': '"4"' })).statusCode).toBe(403);
    const stranger = await t.newOrg();
    expect((await t.as(stranger, 'biller').patch(`/api/payers/${payer.id}`, { active: false }, { 'if-match': '"4"' })).statusCode).toBe(
      404,
    );

    const trail = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'changes'])
      .where('organization_id', '=', org.id)
      .where('resource_id', '=', payer.id)
      .orderBy('seq')
      .execute();
    expect(trail.map((e) => `${e.action}:${e.resource_type}`)).toEqual(['create:payer', 'update:payer', 'update:payer', 'update:payer']);
    expect(trail[1]?.changes).toEqual({
      name: { before: 'Front Range Health', after: 'Front Range Health Plan' },
      timelyFilingDays: { before: 365, after: 180 },
    });
  });
});
