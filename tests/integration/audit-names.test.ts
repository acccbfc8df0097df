/**
 * Issue 11 (items 6 and 17): the audit trail is read by people. Reading one's own account is
 * not audited (the shell reads it on every page); reading someone else's still is. The trail,
 * its CSV export, the access report and the break-glass report carry names for the ids they
 * show, except a restricted record's name to someone who may not open it.
 */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { insertPatient } from '../helpers/audit-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

interface Event {
  seq: number;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
  userId: string | null;
  patientId: string | null;
  patientName: string | null;
}

const userReads = (org: TestOrg, resourceId: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['seq', 'user_id'])
    .where('organization_id', '=', org.id)
    .where('action', '=', 'read')
    .where('resource_type', '=', 'user')
    .where('resource_id', '=', resourceId)
    .execute();

async function trail(org: TestOrg, role: keyof TestOrg['users'], query: string): Promise<Event[]> {
  const res = await t.as(org, role).get(`/api/audit?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

async function relogin(org: TestOrg, role: keyof TestOrg['users']): Promise<void> {
  const session = await createSession(t.db, clock, { userId: org.users[role].id, organizationId: org.id, ip: null, userAgent: null });
  org.users[role].token = session.token;
}

describe("reading one's own account", () => {
  it('writes no audit row for GET /api/me or GET /api/users/{own id}; opening a colleague writes one', async () => {
    const org = await t.newOrg();
    const admin = org.users.admin;
    for (let i = 0; i < 5; i++) {
      const me = await t.as(org, 'admin').get('/api/me');
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().user.id).toBe(admin.id);
    }
    const own = await t.as(org, 'admin').get(`/api/users/${admin.id}`);
    expect(own.statusCode, own.body).toBe(200);
    expect(await userReads(org, admin.id)).toEqual([]);

    const colleague = await t.as(org, 'admin').get(`/api/users/${org.users.nurse.id}`);
    expect(colleague.statusCode, colleague.body).toBe(200);
    const rows = await userReads(org, org.users.nurse.id);
    expect(rows.map((r) => r.user_id)).toEqual([admin.id]);
  });
});

describe('names in the audit reports', () => {
  it('names the patient, the account and the location an event is about, in the list, the CSV and the access report', async () => {
    const org = await t.newOrg();
    const created = await t
      .as(org, 'front_desk')
      .post('/api/patients', { givenName: 'Ottilie', familyName: 'Quarrington', birthDate: '1975-09-18' });
    expect(created.statusCode, created.body).toBe(201);
    const patientId = created.json().id as string;
    expect((await t.as(org, 'admin').get(`/api/users/${org.users.nurse.id}`)).statusCode).toBe(200);
    const location = await t.as(org, 'admin').post('/api/locations', { name: 'Riverside Annex', timeZone: 'America/Chicago' });
    expect(location.statusCode, location.body).toBe(201);

    const aboutPatient = await trail(org, 'office_manager', `patientId=${patientId}&sort=seq`);
    const registration = aboutPatient.find((e) => e.action === 'create' && e.resourceType === 'patient');
    expect(registration).toMatchObject({
      patientId,
      patientName: 'Ottilie Quarrington',
      resourceId: patientId,
      resourceName: 'Ottilie Quarrington',
    });

    const byAdmin = await trail(org, 'office_manager', `userId=${org.users.admin.id}&sort=seq`);
    expect(byAdmin.find((e) => e.action === 'read' && e.resourceType === 'user')).toMatchObject({
      resourceId: org.users.nurse.id,
      resourceName: expect.stringMatching(/\S/),
      patientName: null,
    });
    const nurseName = (await t.db.selectFrom('users').select('display_name').where('id', '=', org.users.nurse.id).executeTakeFirstOrThrow())
      .display_name;
    expect(byAdmin.find((e) => e.resourceType === 'user')?.resourceName).toBe(nurseName);
    expect(byAdmin.find((e) => e.action === 'create' && e.resourceType === 'location')).toMatchObject({
      resourceId: location.json().id,
      resourceName: 'Riverside Annex',
    });
    // An event about nothing nameable has no names.
    const search = await trail(org, 'office_manager', `action=search&sort=seq`);
    expect(search.find((e) => e.resourceType === 'audit_event')).toMatchObject({ resourceName: null, patientName: null });

    const csv = await t.as(org, 'office_manager').get(`/api/audit/export.csv?patientId=${patientId}&sort=seq`);
    expect(csv.statusCode, csv.body).toBe(200);
    const [header, ...rows] = csv.body.trimEnd().split('\r\n');
    const cols = header?.split(',') ?? [];
    expect(cols.indexOf('patientName')).toBe(cols.indexOf('patientId') + 1);
    expect(cols.indexOf('resourceName')).toBe(cols.indexOf('resourceId') + 1);
    expect(rows.every((r) => r.split(',')[cols.indexOf('patientName')] === 'Ottilie Quarrington')).toBe(true);

    const report = await t.as(org, 'office_manager').get(`/api/patients/${patientId}/access-report`);
    expect(report.statusCode, report.body).toBe(200);
    const reportItems = report.json().items as Event[];
    expect(reportItems.length).toBeGreaterThan(0);
    expect(reportItems.every((e) => e.patientName === 'Ottilie Quarrington')).toBe(true);
  });

  it("withholds a restricted record's name from a reader who may not open it, in the trail and the break-glass report, until a grant", async () => {
    const org = await t.newOrg();
    const patientId = await insertPatient(t.db, org.id, { restricted: true, careTeam: [org.users.nurse.id] });
    const { given_name, family_name } = await t.db
      .selectFrom('patients')
      .select(['given_name', 'family_name'])
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    const name = `${given_name} ${family_name}`;
    const opened = await t
      .as(org, 'clinician')
      .post(`/api/patients/${patientId}/break-glass`, { reason: 'unconscious in the waiting room' });
    expect(opened.statusCode, opened.body).toBe(201);
    expect((await t.as(org, 'clinician').get(`/api/patients/${patientId}`)).statusCode).toBe(200);

    // The office manager is not on the care team and holds no grant: ids, no name.
    const hidden = await trail(org, 'office_manager', `patientId=${patientId}&sort=seq`);
    expect(hidden.length).toBeGreaterThan(0);
    expect(hidden.every((e) => e.patientId === patientId && e.patientName === null)).toBe(true);
    expect(hidden.filter((e) => e.resourceId === patientId).every((e) => e.resourceName === null)).toBe(true);
    const bgHidden = await t.as(org, 'office_manager').get(`/api/audit/break-glass?patientId=${patientId}`);
    expect(bgHidden.statusCode, bgHidden.body).toBe(200);
    expect(bgHidden.body).not.toContain(family_name);
    expect(bgHidden.json().items).toEqual([
      expect.objectContaining({ id: opened.json().id, patientId, patientName: null, userDisplayName: expect.stringMatching(/\S/) }),
    ]);
    const csv = await t.as(org, 'office_manager').get(`/api/audit/export.csv?patientId=${patientId}`);
    expect(csv.body).not.toContain(family_name);

    // With a grant of their own, the office manager sees the name while it lasts.
    const own = await t
      .as(org, 'office_manager')
      .post(`/api/patients/${patientId}/break-glass`, { reason: 'reviewing the emergency access' });
    expect(own.statusCode, own.body).toBe(201);
    const shown = await trail(org, 'office_manager', `patientId=${patientId}&sort=seq`);
    expect(shown.every((e) => e.patientName === name)).toBe(true);
    const bgShown = (await t.as(org, 'office_manager').get(`/api/audit/break-glass?patientId=${patientId}`)).json().items;
    expect(bgShown.map((g: { patientName: string | null }) => g.patientName)).toEqual([name, name]);

    clock.advance(61 * 60_000);
    await relogin(org, 'office_manager');
    const after = await trail(org, 'office_manager', `patientId=${patientId}&sort=seq`);
    expect(after.every((e) => e.patientName === null)).toBe(true);
  });
});
