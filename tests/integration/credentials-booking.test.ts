/**
 * The booking guards of staff operations, asked by scheduling inside the booking transaction:
 * a provider whose licence for the location's state has expired cannot be booked for a later
 * day (409 PROVIDER_NOT_CREDENTIALED naming the licence) until it is renewed; a room held by an
 * out-of-service equipment fault cannot be chosen (409 ROOM_OUT_OF_SERVICE naming the fault),
 * is skipped when scheduling picks a room, and is free again once the fault is resolved. Also
 * the credentials list by expiry, bad input naming the field, and another practice's real
 * credentials, equipment and faults answering 404.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, newRoom, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York (the first location is in Massachusetts).
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

async function practice(o: { resourceKinds?: string[] } = {}): Promise<{ org: TestOrg; typeId: string; patientId: string }> {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { duration: 20, ...(o.resourceKinds && { resourceKinds: o.resourceKinds }) });
  return { org, typeId, patientId: await newPatient(t.db, org) };
}

async function licence(org: TestOrg, expiresOn: string, state = 'MA') {
  const res = await t.as(org, 'office_manager').post('/api/credentials', {
    providerId: org.providerId,
    kind: 'license',
    number: `${state}-${expiresOn.replaceAll('-', '')}`,
    state,
    expiresOn,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; number: string };
}

describe('provider licence guard', () => {
  it('refuses a day after the licence for the location’s state expired, naming it, and books again once renewed', async () => {
    const { org, typeId, patientId } = await practice();
    const desk = t.as(org, 'front_desk');
    const lic = await licence(org, '2026-03-05');
    // Another state's licence, expired long ago, changes nothing in Massachusetts.
    await licence(org, '2025-01-31', 'CO');

    expect((await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-05T09:00'))).statusCode).toBe(201);
    const refused = await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-09T09:00'));
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'PROVIDER_NOT_CREDENTIALED',
      credential: { id: lic.id, kind: 'license', state: 'MA', number: lic.number, expiresOn: '2026-03-05' },
    });
    // Nothing was written.
    const booked = await t.db.selectFrom('appointments').select('id').where('organization_id', '=', org.id).execute();
    expect(booked).toHaveLength(1);
    // A series skips the refused days and says why.
    const series = await desk.post('/api/appointment-series', {
      patientId,
      providerId: org.providerId,
      locationId: org.locationId,
      appointmentTypeId: typeId,
      start: '2026-03-04T11:00',
      everyWeeks: 1,
      count: 2,
    });
    expect(series.statusCode, series.body).toBe(201);
    expect(series.json().occurrences.map((o: { outcome: string; code: string | null }) => [o.outcome, o.code])).toEqual([
      ['booked', null],
      ['conflict', 'PROVIDER_NOT_CREDENTIALED'],
    ]);

    const renewed = await t
      .as(org, 'office_manager')
      .patch(`/api/credentials/${lic.id}`, { expiresOn: '2028-03-31' }, { 'if-match': `"${lic.version}"` });
    expect(renewed.statusCode, renewed.body).toBe(200);
    expect(renewed.json()).toMatchObject({ expiresOn: '2028-03-31', status: 'valid' });
    expect(renewed.json().renewedAt).not.toBeNull();
    expect((await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-09T09:00'))).statusCode).toBe(201);
  });

  it('lists credentials by expiry with the expired ones, and refuses bad input naming the field', async () => {
    const { org } = await practice();
    const om = t.as(org, 'office_manager');
    await licence(org, '2026-02-20');
    await licence(org, '2026-03-20', 'CO');
    await licence(org, '2027-06-30', 'NH');
    const bls = await om.post('/api/credentials', { userId: org.users.nurse.id, kind: 'bls', number: 'BLS-1', expiresOn: '2026-04-15' });
    expect(bls.statusCode, bls.body).toBe(201);
    expect(bls.json()).toMatchObject({ holderName: expect.any(String), state: null, daysLeft: 44, status: 'expiring' });

    const within = await om.get('/api/credentials?expiringWithinDays=30');
    expect(within.statusCode, within.body).toBe(200);
    expect(within.json().items.map((c: { expiresOn: string; status: string }) => [c.expiresOn, c.status])).toEqual([
      ['2026-02-20', 'expired'],
      ['2026-03-20', 'expiring'],
    ]);
    const page1 = await om.get('/api/credentials?limit=2');
    expect(page1.json().items).toHaveLength(2);
    const page2 = await om.get(`/api/credentials?limit=2&cursor=${page1.json().nextCursor}`);
    expect(page2.json().items.map((c: { expiresOn: string }) => c.expiresOn)).toEqual(['2026-04-15', '2027-06-30']);

    const noState = await om.post('/api/credentials', {
      providerId: org.providerId,
      kind: 'license',
      number: 'X1',
      expiresOn: '2027-01-01',
    });
    expect(noState.statusCode).toBe(400);
    expect(noState.json().errors.map((e: { path: string }) => e.path)).toEqual(['state']);
    const both = await om.post('/api/credentials', {
      providerId: org.providerId,
      userId: org.users.nurse.id,
      kind: 'dea',
      number: 'X1',
      expiresOn: '2027-01-01',
    });
    expect(both.statusCode).toBe(400);
    expect((await om.get('/api/credentials')).json().items).toHaveLength(4);
    // The front desk neither sees nor records credentials.
    expect((await t.as(org, 'front_desk').get('/api/credentials')).statusCode).toBe(403);
    expect(
      (
        await t
          .as(org, 'front_desk')
          .post('/api/credentials', { userId: org.users.front_desk.id, kind: 'bls', number: 'B', expiresOn: '2027-01-01' })
      ).statusCode,
    ).toBe(403);
  });
});

describe('out-of-service room guard', () => {
  it('refuses the blocked room naming the fault, lists the visits booked there, skips it when picking, and frees it on resolution', async () => {
    const { org, typeId, patientId } = await practice({ resourceKinds: ['procedure room'] });
    const roomA = await newRoom(t.db, org, { kind: 'procedure room', name: 'Procedure A' });
    const roomB = await newRoom(t.db, org, { kind: 'procedure room', name: 'Procedure B' });
    const desk = t.as(org, 'front_desk');
    const om = t.as(org, 'office_manager');
    const before = await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:00', { roomId: roomA }));
    expect(before.statusCode, before.body).toBe(201);

    const ecg = await om.post('/api/equipment', { name: 'ECG machine', roomId: roomA, serialNumber: 'SN-ECG-1' });
    expect(ecg.statusCode, ecg.body).toBe(201);
    expect(ecg.json()).toMatchObject({ roomId: roomA, locationId: org.locationId, outOfService: false });
    expect((await om.post('/api/equipment', { name: 'Other', serialNumber: 'SN-ECG-1' })).json().errors[0].path).toBe('serialNumber');

    // The front desk may report a fault.
    const fault = await desk.post(`/api/equipment/${ecg.json().id}/faults`, {
      description: 'Screen stays black after power-on',
      severity: 'high',
      outOfService: true,
    });
    expect(fault.statusCode, fault.body).toBe(201);
    expect(fault.json()).toMatchObject({ status: 'open', roomId: roomA, outOfService: true });
    const faultId = fault.json().id;

    const refused = await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T10:00', { roomId: roomA }));
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ROOM_OUT_OF_SERVICE', fault: { id: faultId, equipmentName: 'ECG machine' } });
    // Scheduling picks the other room.
    const picked = await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T11:00'));
    expect(picked.statusCode, picked.body).toBe(201);
    expect(picked.json().reservedRoomId).toBe(roomB);
    // With only the blocked room free, there is no room.
    const busyB = await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T13:00', { roomId: roomB }));
    expect(busyB.statusCode).toBe(201);
    const none = await desk.post('/api/appointments', { ...booking(org, await newPatient(t.db, org), typeId, '2026-03-04T13:00') });
    expect(none.statusCode).toBe(409);
    expect(none.json().code).toBe('SLOT_TAKEN');

    const detail = await desk.get(`/api/equipment-faults/${faultId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().affectedAppointments.map((a: { id: string }) => a.id)).toEqual([before.json().id]);
    expect((await om.get('/api/equipment-faults?outOfService=true')).json().items.map((f: { id: string }) => f.id)).toEqual([faultId]);

    // Only a manager resolves.
    expect((await desk.post(`/api/equipment-faults/${faultId}/resolve`, { resolution: 'x' })).statusCode).toBe(403);
    expect((await om.post(`/api/equipment-faults/${faultId}/resolve`, { resolution: ' ' })).statusCode).toBe(400);
    const resolved = await om.post(`/api/equipment-faults/${faultId}/resolve`, { resolution: 'Power board replaced by the vendor' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolution: 'Power board replaced by the vendor' });
    expect((await om.post(`/api/equipment-faults/${faultId}/resolve`, { resolution: 'again' })).statusCode).toBe(409);
    const after = await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T10:00', { roomId: roomA }));
    expect(after.statusCode, after.body).toBe(201);
  });

  it('a fault that leaves the equipment in service blocks nothing', async () => {
    const { org, typeId, patientId } = await practice({ resourceKinds: ['procedure room'] });
    const room = await newRoom(t.db, org, { kind: 'procedure room' });
    const om = t.as(org, 'office_manager');
    const e = (await om.post('/api/equipment', { name: 'Otoscope', roomId: room })).json();
    expect(
      (await om.post(`/api/equipment/${e.id}/faults`, { description: 'Bulb dim', severity: 'low', outOfService: false })).statusCode,
    ).toBe(201);
    const res = await t
      .as(org, 'front_desk')
      .post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:00', { roomId: room }));
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('tenant isolation', () => {
  it("another practice's credentials, equipment and faults are not found, and its provider, user and room are unknown", async () => {
    const mine = await practice();
    const other = await practice();
    const theirLicence = await licence(other.org, '2027-01-01');
    const theirRoom = await newRoom(t.db, other.org);
    const theirs = (await t.as(other.org, 'office_manager').post('/api/equipment', { name: 'Autoclave', roomId: theirRoom })).json();
    const theirFault = (
      await t
        .as(other.org, 'front_desk')
        .post(`/api/equipment/${theirs.id}/faults`, { description: 'Leaks', severity: 'medium', outOfService: true })
    ).json();

    const om = t.as(mine.org, 'office_manager');
    const desk = t.as(mine.org, 'front_desk');
    expect((await om.get(`/api/credentials/${theirLicence.id}`)).statusCode).toBe(404);
    expect((await om.patch(`/api/credentials/${theirLicence.id}`, { expiresOn: '2030-01-01' }, { 'if-match': '"1"' })).statusCode).toBe(
      404,
    );
    expect((await om.get('/api/credentials')).json().items).toEqual([]);
    expect((await om.get(`/api/equipment/${theirs.id}`)).statusCode).toBe(404);
    expect(
      (await desk.post(`/api/equipment/${theirs.id}/faults`, { description: 'x', severity: 'low', outOfService: true })).statusCode,
    ).toBe(404);
    expect((await desk.get(`/api/equipment-faults/${theirFault.id}`)).statusCode).toBe(404);
    expect((await om.post(`/api/equipment-faults/${theirFault.id}/resolve`, { resolution: 'x' })).statusCode).toBe(404);
    expect((await om.get('/api/equipment-faults')).json().items).toEqual([]);

    const foreignProvider = await om.post('/api/credentials', {
      providerId: other.org.providerId,
      kind: 'dea',
      number: 'D1',
      expiresOn: '2027-01-01',
    });
    expect(foreignProvider.statusCode).toBe(400);
    expect(foreignProvider.json().errors[0].path).toBe('providerId');
    const foreignUser = await om.post('/api/credentials', {
      userId: other.org.users.nurse.id,
      kind: 'bls',
      number: 'B1',
      expiresOn: '2027-01-01',
    });
    expect(foreignUser.json().errors[0].path).toBe('userId');
    expect((await om.post('/api/equipment', { name: 'Scale', roomId: theirRoom })).json().errors[0].path).toBe('roomId');
    // Their fault does not touch our booking, and they are untouched.
    expect(
      (await t.db.selectFrom('equipment_faults').select('status').where('id', '=', theirFault.id).executeTakeFirstOrThrow()).status,
    ).toBe('open');
  });
});
