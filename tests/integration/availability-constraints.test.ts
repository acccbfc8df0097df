/**
 * The availability search offers only what booking accepts: no slots of a provider on days
 * after their licence for the location's state expired (back at once on renewal), no slots
 * that need a room held by an out-of-service fault (back once it is resolved), and a freed
 * slot booking would refuse is offered to nobody on the waiting list. The search's answer
 * is checked against booking itself for sampled slots, offered and not offered.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commsFixtures } from '../helpers/comms-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, newProvider, newRoom, weeklyHours } from '../helpers/scheduling-factories.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York (the first location is in Massachusetts).
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
let smtp: SmtpSink;
const f = commsFixtures(t, clock, () => smtp);
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

interface Slot {
  start: string;
  providerId: string;
  locationId: string;
}

async function slots(org: TestOrg, typeId: string): Promise<Slot[]> {
  const q = `appointmentTypeId=${typeId}&providerId=${org.providerId}&locationId=${org.locationId}&from=2026-03-02T15:00:00Z&to=2026-03-11T05:00:00Z&limit=2000`;
  const res = await t.as(org, 'front_desk').get(`/api/availability?${q}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

const nyDay = (iso: string) => new Date(iso).toLocaleDateString('en-CA', { timeZone: 'America/New_York' });
const days = (list: Slot[]) => [...new Set(list.map((s) => nyDay(s.start)))];

describe('availability and provider licences', () => {
  it('offers no slot after the licence for the location’s state expired, as booking refuses, and offers them again on renewal', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { duration: 30 });
    const patientId = await newPatient(t.db, org);
    const desk = t.as(org, 'front_desk');
    const om = t.as(org, 'office_manager');
    expect(days(await slots(org, typeId))).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-09',
      '2026-03-10',
    ]);

    const lic = await om.post('/api/credentials', {
      providerId: org.providerId,
      kind: 'license',
      number: 'MA-1',
      state: 'MA',
      expiresOn: '2026-03-05',
    });
    expect(lic.statusCode, lic.body).toBe(201);
    // Another state's lapsed licence changes nothing in Massachusetts.
    await om.post('/api/credentials', {
      providerId: org.providerId,
      kind: 'license',
      number: 'CO-1',
      state: 'CO',
      expiresOn: '2025-01-31',
    });
    const lapsed = await slots(org, typeId);
    expect(days(lapsed)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05']);

    // What the search offers, booking accepts; what it stopped offering, booking refuses.
    const offered = lapsed[lapsed.length - 1] as Slot;
    expect((await desk.post('/api/appointments', booking(org, patientId, typeId, offered.start))).statusCode).toBe(201);
    const notOffered = await desk.post('/api/appointments', booking(org, patientId, typeId, '2026-03-06T09:00'));
    expect(notOffered.statusCode).toBe(409);
    expect(notOffered.json().code).toBe('PROVIDER_NOT_CREDENTIALED');

    const renewed = await om.patch(
      `/api/credentials/${lic.json().id}`,
      { expiresOn: '2028-03-31' },
      { 'if-match': `"${lic.json().version}"` },
    );
    expect(renewed.statusCode, renewed.body).toBe(200);
    const back = await slots(org, typeId);
    expect(days(back)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-09', '2026-03-10']);
    const sampled = back.find((s) => nyDay(s.start) === '2026-03-09') as Slot;
    expect((await desk.post('/api/appointments', booking(org, patientId, typeId, sampled.start))).statusCode).toBe(201);
  });
});

describe('availability and out-of-service rooms', () => {
  it('leaves out slots whose only free room is out of service, as booking does, and offers them again when the fault is resolved', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { start: '09:00', end: '11:00' });
    const typeId = await newAppointmentType(t.db, org, { duration: 30, resourceKinds: ['procedure room'] });
    const roomA = await newRoom(t.db, org, { kind: 'procedure room', name: 'Procedure A' });
    const roomB = await newRoom(t.db, org, { kind: 'procedure room', name: 'Procedure B' });
    const desk = t.as(org, 'front_desk');
    const om = t.as(org, 'office_manager');
    // Another provider's visit holds room B on Wednesday at 09:00.
    const otherId = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { providerId: otherId });
    const held = await desk.post('/api/appointments', {
      ...booking(org, await newPatient(t.db, org), typeId, '2026-03-04T09:00', { roomId: roomB }),
      providerId: otherId,
    });
    expect(held.statusCode, held.body).toBe(201);
    const wed9 = new Date('2026-03-04T14:00:00Z').toISOString();
    const starts = async () => (await slots(org, typeId)).map((s) => s.start);
    expect(await starts()).toContain(wed9);
    const before = (await starts()).length;

    const ecg = (await om.post('/api/equipment', { name: 'ECG machine', roomId: roomA })).json();
    const fault = await desk.post(`/api/equipment/${ecg.id}/faults`, { description: 'No power', severity: 'high', outOfService: true });
    expect(fault.statusCode, fault.body).toBe(201);
    const blocked = await starts();
    expect(blocked).not.toContain(wed9);
    expect(blocked).toHaveLength(before - 1);
    // Booking agrees: the slot left out has no room, an offered one gets room B.
    const patientId = await newPatient(t.db, org);
    const refused = await desk.post('/api/appointments', booking(org, patientId, typeId, wed9));
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('SLOT_TAKEN');
    const offered = blocked[0] as string;
    const ok = await desk.post('/api/appointments', booking(org, patientId, typeId, offered));
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().reservedRoomId).toBe(roomB);

    const resolved = await om.post(`/api/equipment-faults/${fault.json().id}/resolve`, { resolution: 'Fuse replaced' });
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(await starts()).toContain(wed9);
  });
});

describe('waitlist offers', () => {
  it('a freed slot booking would refuse is offered to nobody', async () => {
    const { org, typeId } = await f.practice();
    const desk = f.as(org, 'front_desk');
    const waiting = await f.patient(org);
    const added = await desk.post('/api/waitlist', {
      patientId: waiting.id,
      appointmentTypeId: typeId,
      earliestDate: '2026-03-02',
      latestDate: '2026-03-20',
    });
    expect(added.statusCode, added.body).toBe(201);
    const owner = await f.patient(org);
    const early = await f.book(org, typeId, owner.id, '2026-03-04T10:00');
    const late = await f.book(org, typeId, owner.id, '2026-03-09T10:00');
    // The licence is recorded after the bookings: it lapses on the 5th.
    const lic = await t
      .as(org, 'office_manager')
      .post('/api/credentials', { providerId: org.providerId, kind: 'license', number: 'MA-2', state: 'MA', expiresOn: '2026-03-05' });
    expect(lic.statusCode, lic.body).toBe(201);

    expect((await desk.post(`/api/appointments/${late}/cancel`, { reason: 'patient' })).statusCode).toBe(200);
    await f.drain();
    const offers = () =>
      t.db.selectFrom('waitlist_offers').select(['source_appointment_id']).where('organization_id', '=', org.id).execute();
    expect(await offers()).toEqual([]);
    expect((await desk.post(`/api/appointments/${early}/cancel`, { reason: 'patient' })).statusCode).toBe(200);
    await f.drain();
    expect(await offers()).toEqual([{ source_appointment_id: early }]);
  });
});
