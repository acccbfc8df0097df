/**
 * Rooms from the screen and the API: add at a location, rename, change the kind, take out of
 * service and back, with If-Match, the audit trail, and another practice's rooms and
 * locations as unknown as missing ones.
 */
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('rooms', () => {
  it('are added at a location, renamed with If-Match, taken out of service and back, each change audited', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const created = await admin.post('/api/rooms', { locationId: org.locationId, name: '  Exam 3 ' });
    expect(created.statusCode, created.body).toBe(201);
    const room = created.json();
    expect(room).toMatchObject({ locationId: org.locationId, name: 'Exam 3', kind: 'exam room', active: true, version: 1 });
    expect(created.headers.etag).toBe('"1"');

    const renamed = await admin.patch(`/api/rooms/${room.id}`, { name: 'Procedure 1', kind: 'procedure room' }, { 'if-match': '"1"' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Procedure 1', kind: 'procedure room', active: true, version: 2 });
    const stale = await admin.patch(`/api/rooms/${room.id}`, { name: 'Lost update' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().current.name).toBe('Procedure 1');

    const closed = await admin.patch(`/api/rooms/${room.id}`, { active: false }, { 'if-match': '"2"' });
    expect(closed.json()).toMatchObject({ active: false, version: 3 });
    const names = async (query = '') =>
      (await admin.get(`/api/rooms?locationId=${org.locationId}${query}`)).json().items.map((r: { name: string }) => r.name);
    expect(await names()).not.toContain('Procedure 1');
    expect(await names('&includeInactive=true')).toContain('Procedure 1');
    const reopened = await admin.patch(`/api/rooms/${room.id}`, { active: true }, { 'if-match': '"3"' });
    expect(reopened.json()).toMatchObject({ active: true, version: 4 });
    expect(await names()).toContain('Procedure 1');

    const trail = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'changes', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_id', '=', room.id)
      .orderBy('seq')
      .execute();
    expect(trail.map((e) => `${e.action}:${e.resource_type}`)).toEqual(['create:room', 'update:room', 'update:room', 'update:room']);
    expect(trail[0]?.details).toEqual({ name: 'Exam 3', locationId: org.locationId });
    expect(trail[1]?.changes).toEqual({
      name: { before: 'Exam 3', after: 'Procedure 1' },
      kind: { before: 'exam room', after: 'procedure room' },
    });
  });

  it('refuses a duplicate name at the same location (409) but allows it at another', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    expect((await admin.post('/api/rooms', { locationId: org.locationId, name: 'Triage' })).statusCode).toBe(201);
    const again = await admin.post('/api/rooms', { locationId: org.locationId, name: 'Triage', kind: 'triage' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors).toEqual([{ path: 'name', message: 'already in use at this location' }]);
    const east = await admin.post('/api/locations', { name: 'North Annex', timeZone: 'America/Chicago' });
    expect((await admin.post('/api/rooms', { locationId: east.json().id, name: 'Triage' })).statusCode).toBe(201);
    const other = await admin.post('/api/rooms', { locationId: org.locationId, name: 'Lab' });
    const clash = await admin.patch(`/api/rooms/${other.json().id}`, { name: 'Triage' }, { 'if-match': '"1"' });
    expect(clash.statusCode).toBe(409);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const foreign = await t.newOrg();
    const closed = await admin.post('/api/locations', { name: 'Closed', timeZone: 'America/Chicago', active: false });
    const cases: [Record<string, unknown>, string][] = [
      [{ locationId: org.locationId, name: '   ' }, 'name'],
      [{ locationId: org.locationId, name: 'x'.repeat(61) }, 'name'],
      [{ locationId: org.locationId, name: 'Exam 9', kind: '' }, 'kind'],
      [{ locationId: 'not-a-uuid', name: 'Exam 9' }, 'locationId'],
      // Another practice's location is unknown here, named as the field it came in.
      [{ locationId: foreign.locationId, name: 'Exam 9' }, 'locationId'],
      [{ locationId: closed.json().id, name: 'Exam 9' }, 'locationId'],
      [{ locationId: org.locationId, name: 'Exam 9', organizationId: foreign.id }, 'organizationId'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.post('/api/rooms', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(field);
    }
    const rooms = await t.db.selectFrom('rooms').select('name').where('organization_id', 'in', [org.id, foreign.id]).execute();
    expect(rooms.map((r) => r.name)).not.toContain('Exam 9');
  });

  it("hides another practice's room (404) and leaves rooms to those with location:manage (403)", async () => {
    const a = await t.newOrg();
    const b = await t.newOrg();
    const roomB = (await t.as(b, 'admin').post('/api/rooms', { locationId: b.locationId, name: 'B-Exam' })).json();
    const res = await t.as(a, 'admin').patch(`/api/rooms/${roomB.id}`, { name: 'Taken' }, { 'if-match': '"1"' });
    expect(res.statusCode).toBe(404);
    expect(
      (await t.as(b, 'admin').get(`/api/rooms?locationId=${b.locationId}`)).json().items.map((r: { name: string }) => r.name),
    ).toContain('B-Exam');
    for (const role of ['front_desk', 'nurse', 'clinician', 'biller'] as const) {
      expect((await t.as(a, role).post('/api/rooms', { locationId: a.locationId, name: `By ${role}` })).statusCode, role).toBe(403);
    }
  });
});
