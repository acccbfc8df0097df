/** Care teams: who may open a restricted record, how it is kept, and that every change is audited. */
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

async function patient(org: TestOrg, extra: Record<string, unknown> = {}) {
  const res = await t
    .as(org, 'front_desk')
    .post('/api/patients', { givenName: 'Greta', familyName: 'Garbo', birthDate: '1975-09-18', ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
}

async function restrict(org: TestOrg, id: string, version: number, role: 'clinician' | 'nurse' | 'office_manager' = 'nurse') {
  const res = await t.as(org, role).patch(`/api/patients/${id}`, { restricted: true }, { 'if-match': `"${version}"` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { version: number };
}

async function careTeamAudits(patientId: string) {
  return t.db
    .selectFrom('audit_events')
    .select(['action', 'user_id', 'changes', 'details'])
    .where('resource_type', '=', 'care_team')
    .where('patient_id', '=', patientId)
    .where('action', '=', 'update')
    .orderBy('seq')
    .execute();
}

describe('care team', () => {
  it('hides a restricted record from a front desk clerk off the team (404, absent from search) until they join it', async () => {
    const org = await t.newOrg();
    const pt = await patient(org);
    await restrict(org, pt.id, pt.version);
    const fd = t.as(org, 'front_desk');
    expect((await fd.get(`/api/patients/${pt.id}`)).statusCode).toBe(404);
    expect((await fd.get(`/api/patients/${pt.id}/care-team`)).statusCode).toBe(404);
    expect((await fd.get('/api/patients?q=garbo')).json().items).toEqual([]);

    // The nurse who marked it is on the team (same transaction) and adds the clerk.
    const nurse = t.as(org, 'nurse');
    const team = await nurse.get(`/api/patients/${pt.id}/care-team`);
    expect(team.statusCode, team.body).toBe(200);
    expect(team.json().items.map((m: { userId: string }) => m.userId)).toContain(org.users.nurse.id);
    const put = await nurse.put(`/api/patients/${pt.id}/care-team`, { userIds: [org.users.nurse.id, org.users.front_desk.id] });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json().items).toEqual(
      expect.arrayContaining([expect.objectContaining({ userId: org.users.front_desk.id, explicit: true, viaPrimaryProvider: false })]),
    );

    expect((await fd.get(`/api/patients/${pt.id}`)).statusCode).toBe(200);
    expect((await fd.get('/api/patients?q=garbo')).json().items.map((p: { id: string }) => p.id)).toEqual([pt.id]);

    const audits = await careTeamAudits(pt.id);
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({
      user_id: org.users.nurse.id,
      changes: { userIds: { before: [], after: [org.users.nurse.id] } },
      details: { reason: 'marked the record restricted' },
    });
    expect(audits[1]?.changes).toEqual({
      userIds: { before: [org.users.nurse.id], after: [org.users.nurse.id, org.users.front_desk.id].sort() },
    });
    expect(audits[1]?.details).toMatchObject({ added: [org.users.front_desk.id], removed: [] });
  });

  it('counts the primary provider’s linked clinician as a member without listing them', async () => {
    const org = await t.newOrg();
    const pt = await patient(org, { primaryProviderId: org.providerId });
    await restrict(org, pt.id, pt.version, 'office_manager');
    const clin = t.as(org, 'clinician');
    expect((await clin.get(`/api/patients/${pt.id}`)).statusCode).toBe(200);
    expect((await clin.get('/api/patients?q=garbo')).json().items).toHaveLength(1);
    const team = (await clin.get(`/api/patients/${pt.id}/care-team`)).json().items;
    expect(team).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: org.users.clinician.id, explicit: false, viaPrimaryProvider: true }),
        expect.objectContaining({ userId: org.users.office_manager.id, explicit: true }),
      ]),
    );
    // A clinician on the team needs no break-glass.
    const bg = await clin.post(`/api/patients/${pt.id}/break-glass`, { reason: 'checking the emergency path', minutes: 15 });
    expect(bg.statusCode).toBe(409);
    // Another primary provider: the implicit membership follows the record.
    const other = await t.db
      .insertInto('providers')
      .values({ organization_id: org.id, given_name: 'Alex', family_name: 'Other', npi: '1234567893' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cur = (await t.as(org, 'office_manager').get(`/api/patients/${pt.id}`)).json();
    const moved = await t
      .as(org, 'office_manager')
      .patch(`/api/patients/${pt.id}`, { primaryProviderId: other.id }, { 'if-match': `"${cur.version}"` });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await clin.get(`/api/patients/${pt.id}`)).statusCode).toBe(404);
  });

  it('refuses another organization’s user, an inactive user and a non-uuid, naming userIds.N; nothing changes', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const pt = await patient(org);
    const fd = t.as(org, 'front_desk');
    const foreign = await fd.put(`/api/patients/${pt.id}/care-team`, { userIds: [org.users.nurse.id, other.users.nurse.id] });
    expect(foreign.statusCode, foreign.body).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ path: 'userIds.1' })]);

    await t.db.updateTable('users').set({ active: false }).where('id', '=', org.users.biller.id).execute();
    const inactive = await fd.put(`/api/patients/${pt.id}/care-team`, { userIds: [org.users.biller.id] });
    expect(inactive.statusCode).toBe(400);
    expect(inactive.json().errors[0].path).toBe('userIds.0');

    const junk = await fd.put(`/api/patients/${pt.id}/care-team`, { userIds: ['nope'] });
    expect(junk.statusCode).toBe(400);
    expect(junk.json().errors[0].path).toContain('userIds.0');

    expect((await fd.get(`/api/patients/${pt.id}/care-team`)).json().items).toEqual([]);
    expect(await careTeamAudits(pt.id)).toEqual([]);
  });

  it('keeps the care team to people the record opens to: other org 404, no patient:write 403, break-glass 403', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const pt = await patient(org);
    expect((await t.as(other, 'front_desk').get(`/api/patients/${pt.id}/care-team`)).statusCode).toBe(404);
    expect((await t.as(other, 'front_desk').put(`/api/patients/${pt.id}/care-team`, { userIds: [] })).statusCode).toBe(404);
    expect((await t.as(org, 'biller').put(`/api/patients/${pt.id}/care-team`, { userIds: [] })).statusCode).toBe(403);

    await restrict(org, pt.id, pt.version, 'office_manager');
    // A front desk clerk off the team cannot add themselves.
    expect((await t.as(org, 'front_desk').put(`/api/patients/${pt.id}/care-team`, { userIds: [org.users.front_desk.id] })).statusCode).toBe(
      404,
    );
    // Nor can a nurse under break-glass, and they cannot lift the restriction either.
    const nurse = t.as(org, 'nurse');
    const bg = await nurse.post(`/api/patients/${pt.id}/break-glass`, { reason: 'patient collapsed in the lobby', minutes: 15 });
    expect(bg.statusCode, bg.body).toBe(201);
    expect((await nurse.get(`/api/patients/${pt.id}`)).statusCode).toBe(200);
    expect((await nurse.put(`/api/patients/${pt.id}/care-team`, { userIds: [org.users.nurse.id] })).statusCode).toBe(403);
    const cur = (await nurse.get(`/api/patients/${pt.id}`)).json();
    expect((await nurse.patch(`/api/patients/${pt.id}`, { restricted: false }, { 'if-match': `"${cur.version}"` })).statusCode).toBe(403);
  });

  it('puts a clerk who registers a restricted patient on its care team', async () => {
    const org = await t.newOrg();
    const pt = await patient(org, { restricted: true });
    expect((await t.as(org, 'front_desk').get(`/api/patients/${pt.id}`)).statusCode).toBe(200);
    expect((await t.as(org, 'nurse').get(`/api/patients/${pt.id}`)).statusCode).toBe(404);
  });
});
