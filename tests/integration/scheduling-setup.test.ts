import { describe, expect, it } from 'vitest';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

describe('appointment types', () => {
  it('lets a manager create, list and edit types with If-Match; front desk reads but cannot change them', async () => {
    const org = await t.newOrg();
    const mgr = t.as(org, 'office_manager');
    const created = await mgr.post('/api/appointment-types', {
      name: 'Procedure',
      durationMinutes: 45,
      color: '#aa3300',
      patientKind: 'established',
      resourceKinds: ['procedure room'],
      providerIds: [org.providerId],
      bufferMinutes: 15,
      overbookingAllowed: false,
    });
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json();
    expect(type).toMatchObject({
      name: 'Procedure',
      durationMinutes: 45,
      bufferMinutes: 15,
      resourceKinds: ['procedure room'],
      version: 1,
    });

    const fd = t.as(org, 'front_desk');
    const list = await fd.get('/api/appointment-types');
    expect(list.statusCode).toBe(200);
    expect(list.json()).toEqual({ items: [expect.objectContaining({ id: type.id, name: 'Procedure' })], nextCursor: null });
    expect((await fd.post('/api/appointment-types', { name: 'X', durationMinutes: 10 })).statusCode).toBe(403);

    expect((await mgr.patch(`/api/appointment-types/${type.id}`, { durationMinutes: 60 })).statusCode).toBe(428);
    const edited = await mgr.patch(`/api/appointment-types/${type.id}`, { durationMinutes: 60 }, { 'if-match': '"1"' });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ durationMinutes: 60, version: 2 });
    expect((await mgr.patch(`/api/appointment-types/${type.id}`, { durationMinutes: 20 }, { 'if-match': '"1"' })).statusCode).toBe(412);
  });

  it('refuses unknown fields, duplicate names and providers of another organization', async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const mgr = t.as(org, 'office_manager');
    const unknown = await mgr.post('/api/appointment-types', { name: 'A', durationMinutes: 20, price: 10 });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors.map((e: { path: string }) => e.path)).toContain('price');
    expect((await mgr.post('/api/appointment-types', { name: 'A', durationMinutes: 20 })).statusCode).toBe(201);
    expect((await mgr.post('/api/appointment-types', { name: 'A', durationMinutes: 30 })).json().code).toBe('ALREADY_EXISTS');
    const foreign = await mgr.post('/api/appointment-types', { name: 'B', durationMinutes: 20, providerIds: [other.providerId] });
    expect(foreign.statusCode).toBe(400);
    expect((await t.as(other, 'office_manager').get('/api/appointment-types')).json().items).toEqual([]);
  });
});

describe('availability templates and exceptions', () => {
  it('creates, lists, edits and deletes weekly blocks, refusing overlaps for the same provider', async () => {
    const org = await t.newOrg();
    const mgr = t.as(org, 'office_manager');
    const block = {
      providerId: org.providerId,
      locationId: org.locationId,
      weekday: 1,
      startTime: '09:00',
      endTime: '12:00',
      effectiveFrom: '2026-01-01',
    };
    const created = await mgr.post('/api/availability-templates', block);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ startTime: '09:00', endTime: '12:00', effectiveTo: null });
    // Same provider, other location, overlapping hours: one person, one place.
    const overlap = await mgr.post('/api/availability-templates', {
      ...block,
      locationId: org.secondLocationId,
      startTime: '11:00',
      endTime: '13:00',
    });
    expect(overlap.statusCode).toBe(409);
    const afternoon = await mgr.post('/api/availability-templates', { ...block, startTime: '13:00', endTime: '17:00' });
    expect(afternoon.statusCode).toBe(201);
    const bad = await mgr.post('/api/availability-templates', { ...block, startTime: '17:00', endTime: '09:00' });
    expect(bad.statusCode).toBe(400);

    const list = await t.as(org, 'front_desk').get(`/api/availability-templates?providerId=${org.providerId}`);
    expect(list.json().items.map((x: { startTime: string }) => x.startTime)).toEqual(['09:00', '13:00']);

    const id = created.json().id;
    const edited = await mgr.patch(`/api/availability-templates/${id}`, { endTime: '12:30' }, { 'if-match': '"1"' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json().endTime).toBe('12:30');
    expect((await mgr.delete(`/api/availability-templates/${id}`)).statusCode).toBe(204);
    expect((await mgr.delete(`/api/availability-templates/${id}`)).statusCode).toBe(404);
    expect((await t.as(org, 'front_desk').delete(`/api/availability-templates/${afternoon.json().id}`)).statusCode).toBe(403);
  });

  it('records exceptions (lunch block, time off, holiday, extra hours) and validates their shape', async () => {
    const org = await t.newOrg();
    const mgr = t.as(org, 'office_manager');
    const lunch = await mgr.post('/api/availability-exceptions', {
      providerId: org.providerId,
      kind: 'blocked',
      startDate: '2026-03-02',
      endDate: '2026-03-06',
      startTime: '12:00',
      endTime: '13:00',
      reason: 'lunch',
    });
    expect(lunch.statusCode, lunch.body).toBe(201);
    const holiday = await mgr.post('/api/availability-exceptions', {
      locationId: org.locationId,
      kind: 'holiday',
      startDate: '2026-05-25',
    });
    expect(holiday.json()).toMatchObject({ endDate: '2026-05-25', startTime: null, providerId: null });
    expect((await mgr.post('/api/availability-exceptions', { kind: 'holiday', startDate: '2026-05-25' })).statusCode).toBe(400);
    expect(
      (await mgr.post('/api/availability-exceptions', { providerId: org.providerId, kind: 'extra_hours', startDate: '2026-03-07' }))
        .statusCode,
    ).toBe(400);
    expect(
      (
        await mgr.post('/api/availability-exceptions', {
          providerId: org.providerId,
          kind: 'time_off',
          startDate: '2026-03-07',
          startTime: '10:00',
        })
      ).statusCode,
    ).toBe(400);
    const list = await mgr.get(`/api/availability-exceptions?providerId=${org.providerId}&from=2026-03-01&to=2026-06-01`);
    expect(list.json().items).toHaveLength(2);
    expect((await mgr.delete(`/api/availability-exceptions/${lunch.json().id}`)).statusCode).toBe(204);
  });
});
