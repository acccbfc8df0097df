import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, newProvider, newRoom, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-02T12:00:00Z'); // Monday 07:00 in New York
const t = await createTestApp({ clock });

interface Slot {
  start: string;
  end: string;
  providerId: string;
  locationId: string;
}

async function slots(org: TestOrg, query: string): Promise<Slot[]> {
  const res = await t.as(org, 'front_desk').get(`/api/availability?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

/** Local HH:MM in New York. */
const ny = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit' });

describe('GET /api/availability', () => {
  it('offers slots inside the template, stepping by duration, minus lunch, bookings and their buffers', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { start: '09:00', end: '12:00' });
    const type = await newAppointmentType(t.db, org, { duration: 30, buffer: 10 });
    const q = `appointmentTypeId=${type}&providerId=${org.providerId}&locationId=${org.locationId}&from=2026-03-04T05:00:00Z&to=2026-03-05T05:00:00Z`;
    expect((await slots(org, q)).map((s) => ny(s.start))).toEqual(['09:00', '09:40', '10:20', '11:00']);

    await t.as(org, 'office_manager').post('/api/availability-exceptions', {
      providerId: org.providerId,
      kind: 'blocked',
      startDate: '2026-03-04',
      startTime: '10:00',
      endTime: '10:30',
      reason: 'meeting',
    });
    expect((await slots(org, q)).map((s) => ny(s.start))).toEqual(['09:00', '10:30', '11:10']);

    const patient = await newPatient(t.db, org);
    const booked = await t.as(org, 'front_desk').post('/api/appointments', booking(org, patient, type, '2026-03-04T09:00'));
    expect(booked.statusCode, booked.body).toBe(201);
    // 09:00-09:30 plus 10 min buffer blocks until 09:40; 09:40-10:00 is too short for 30+10.
    const after = await slots(org, q);
    expect(after.map((s) => ny(s.start))).toEqual(['10:30', '11:10']);
    expect(after[0]).toMatchObject({ providerId: org.providerId, locationId: org.locationId });
    expect(new Date(after[0]!.end).getTime() - new Date(after[0]!.start).getTime()).toBe(30 * 60_000);
  });

  it('applies time off, location holidays and extra hours', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { start: '09:00', end: '10:00' });
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const mgr = t.as(org, 'office_manager');
    await mgr.post('/api/availability-exceptions', { providerId: org.providerId, kind: 'time_off', startDate: '2026-03-03' });
    await mgr.post('/api/availability-exceptions', { locationId: org.locationId, kind: 'holiday', startDate: '2026-03-05' });
    await mgr.post('/api/availability-exceptions', {
      providerId: org.providerId,
      locationId: org.locationId,
      kind: 'extra_hours',
      startDate: '2026-03-07',
      startTime: '10:00',
      endTime: '11:00',
    });
    const days = (await slots(org, `appointmentTypeId=${type}&from=2026-03-02T05:00:00Z&to=2026-03-09T05:00:00Z`)).map((s) =>
      new Date(s.start).toLocaleDateString('en-CA', { timeZone: 'America/New_York' }),
    );
    // Mon, Wed, Fri from the template (Tue off, Thu holiday), Sat from the extra hours.
    expect([...new Set(days)]).toEqual(['2026-03-02', '2026-03-04', '2026-03-06', '2026-03-07']);
  });

  it('ranks several providers and locations by time, filters repeated ids, and never offers the past', async () => {
    const org = await t.newOrg();
    const second = await newProvider(t.db, org);
    const third = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { start: '09:00', end: '10:00' });
    await weeklyHours(t.db, org, { providerId: second, locationId: org.secondLocationId, start: '09:00', end: '10:00' }); // Denver: 2 h later in UTC
    await weeklyHours(t.db, org, { providerId: third, start: '09:30', end: '10:30' });
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const range = 'from=2026-03-04T05:00:00Z&to=2026-03-05T05:00:00Z';
    const two = await slots(org, `appointmentTypeId=${type}&providerId=${org.providerId}&providerId=${second}&${range}`);
    expect(two.map((s) => s.start)).toEqual([
      '2026-03-04T14:00:00.000Z',
      '2026-03-04T14:30:00.000Z',
      '2026-03-04T16:00:00.000Z',
      '2026-03-04T16:30:00.000Z',
    ]);
    expect(two.map((s) => s.locationId)).toEqual([org.locationId, org.locationId, org.secondLocationId, org.secondLocationId]);
    const all = await slots(org, `appointmentTypeId=${type}&locationId=${org.locationId}&${range}`);
    expect(all.map((s) => s.start)).toEqual([...all.map((s) => s.start)].sort());
    expect(new Set(all.map((s) => s.providerId))).toEqual(new Set([org.providerId, third]));
  });

  it('never offers a time in the past', async () => {
    clock.set('2026-03-02T14:10:00Z'); // Monday 09:10 in New York
    try {
      const org = await t.newOrg();
      await weeklyHours(t.db, org, { start: '09:00', end: '10:00' });
      const type = await newAppointmentType(t.db, org, { duration: 30 });
      const today = await slots(org, `appointmentTypeId=${type}&from=2026-03-02T05:00:00Z&to=2026-03-03T05:00:00Z`);
      expect(today.map((s) => s.start)).toEqual(['2026-03-02T14:10:00.000Z']);
      // A clock between marks: the first slot is on the next 10-minute mark, not at the odd second.
      clock.set('2026-03-02T14:12:37.500Z');
      const later = await slots(org, `appointmentTypeId=${type}&from=2026-03-02T05:00:00Z&to=2026-03-03T05:00:00Z`);
      expect(later.map((s) => s.start)).toEqual(['2026-03-02T14:20:00.000Z']);
    } finally {
      clock.set('2026-03-02T12:00:00Z');
    }
  });

  it('needs a free room of the required kind, and honours the allowed providers of a type', async () => {
    const org = await t.newOrg();
    const second = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { start: '09:00', end: '10:00' });
    await weeklyHours(t.db, org, { providerId: second, start: '09:00', end: '10:00' });
    const type = await newAppointmentType(t.db, org, { duration: 60, resourceKinds: ['procedure room'] });
    const range = 'from=2026-03-04T05:00:00Z&to=2026-03-05T05:00:00Z';
    expect(await slots(org, `appointmentTypeId=${type}&${range}`)).toEqual([]);
    await newRoom(t.db, org, { kind: 'procedure room' });
    expect(await slots(org, `appointmentTypeId=${type}&${range}`)).toHaveLength(2);
    const patient = await newPatient(t.db, org);
    expect((await t.as(org, 'front_desk').post('/api/appointments', booking(org, patient, type, '2026-03-04T09:00'))).statusCode).toBe(201);
    // The only procedure room is now taken at 09:00: the second provider cannot offer it either.
    expect(await slots(org, `appointmentTypeId=${type}&${range}`)).toEqual([]);

    const onlySecond = await newAppointmentType(t.db, org, { duration: 60, providerIds: [second] });
    expect((await slots(org, `appointmentTypeId=${onlySecond}&${range}`)).map((s) => s.providerId)).toEqual([second]);
  });

  it('pages with a cursor and validates the query', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org);
    const type = await newAppointmentType(t.db, org, { duration: 60 });
    const base = `appointmentTypeId=${type}&from=2026-03-04T05:00:00Z&to=2026-03-05T05:00:00Z`;
    const fd = t.as(org, 'front_desk');
    const first = (await fd.get(`/api/availability?${base}&limit=5`)).json();
    expect(first.items).toHaveLength(5);
    const second = (await fd.get(`/api/availability?${base}&limit=5&cursor=${first.nextCursor}`)).json();
    expect(second.items.map((s: Slot) => ny(s.start))).toEqual(['14:00', '15:00', '16:00']);
    expect(second.nextCursor).toBeNull();
    expect((await fd.get(`/api/availability?${base}&bogus=1`)).statusCode).toBe(400);
    expect((await fd.get(`/api/availability?appointmentTypeId=${type}&from=2026-03-04&to=2026-03-05`)).statusCode).toBe(400);
    expect((await fd.get(`/api/availability?appointmentTypeId=${type}&from=2026-03-04T00:00:00Z&to=2026-06-05T00:00:00Z`)).statusCode).toBe(
      400,
    );
    const stranger = await t.newOrg();
    expect((await t.as(stranger, 'front_desk').get(`/api/availability?${base}`)).statusCode).toBe(404);
  });
});

describe('a sparse calendar read in several chunks', () => {
  it('offers the same slots every time, and none of them runs into a booking past a chunk edge', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { start: '08:00', end: '18:00' });
    const visit = await newAppointmentType(t.db, org, { duration: 20 });
    const long = await newAppointmentType(t.db, org, { duration: 60 });
    const patient = await newPatient(t.db, org);
    // Three weeks of 20-minute bookings at uneven times (fixed pattern), so 60-minute gaps are
    // few and slots stepping through a gap would cross the next booking if it went unseen.
    const rows: { starts_at: Date; ends_at: Date; blocked_until: Date }[] = [];
    for (let day = 0; day < 21; day++) {
      for (let k = 0; k < 6; k++) {
        const local = 8 * 60 + 35 + k * 95 + ((day * 7 + k * 13) % 5) * 10;
        const start = new Date(Date.UTC(2026, 2, 2 + day, 5, 0) + local * 60_000); // New York is UTC-5 until 8 March, then UTC-4
        const shifted = new Date(start.getTime() - (day >= 6 ? 3_600_000 : 0));
        rows.push({
          starts_at: shifted,
          ends_at: new Date(shifted.getTime() + 20 * 60_000),
          blocked_until: new Date(shifted.getTime() + 20 * 60_000),
        });
      }
    }
    await t.db
      .insertInto('appointments')
      .values(
        rows.map((r) => ({
          organization_id: org.id,
          patient_id: patient,
          provider_id: org.providerId,
          location_id: org.locationId,
          appointment_type_id: visit,
          ...r,
        })),
      )
      .execute();
    const base = `appointmentTypeId=${long}&providerId=${org.providerId}&locationId=${org.locationId}&to=2026-03-23T04:00:00Z&limit=30`;
    const first = await slots(org, `${base}&from=2026-03-02T05:00:00Z`);
    const second = await slots(org, `${base}&from=2026-03-02T05:00:00Z`);
    expect(first).toHaveLength(30);
    expect(second).toEqual(first);
    // The first chunk ends 3 days after `from`: starting the search at every 10 minutes of a
    // working day puts a chunk edge at every 10 minutes of some later day, next to bookings.
    for (let m = 0; m < 60; m++) {
      const from = new Date(Date.parse('2026-03-02T13:00:00Z') + m * 10 * 60_000).toISOString();
      const found = await slots(org, `${base}&from=${from}`);
      expect(found.length).toBe(30);
      for (const slot of found) {
        const s = new Date(slot.start).getTime();
        const e = new Date(slot.end).getTime();
        const clash = rows.find((r) => r.starts_at.getTime() < e && r.blocked_until.getTime() > s);
        expect(clash, `from ${from}: ${slot.start} runs into the booking at ${clash?.starts_at.toISOString()}`).toBeUndefined();
      }
    }
  });
});
