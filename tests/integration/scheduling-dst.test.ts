/**
 * Daylight saving in America/New_York, 2026: spring forward Sunday 2026-03-08 (02:00 → 03:00),
 * fall back Sunday 2026-11-01 (02:00 → 01:00). Policy (packages/domain/src/scheduling/local-time.ts):
 * wall-clock templates and series keep their local time; a non-existent local time is refused
 * for a single booking and shifted forward by the gap in a series; a repeated one means the
 * earlier (daylight) occurrence.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, newProvider, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-02-20T15:00:00Z');
const t = await createTestApp({ clock });
const ALL_WEEK = [1, 2, 3, 4, 5, 6, 7];

const local = (iso: string) =>
  new Date(iso).toLocaleString('sv-SE', {
    timeZone: 'America/New_York',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });

async function firstSlotPerDay(org: TestOrg, typeId: string, from: string, to: string) {
  const res = await t
    .as(org, 'front_desk')
    .get(`/api/availability?appointmentTypeId=${typeId}&providerId=${org.providerId}&from=${from}&to=${to}&limit=2000`);
  expect(res.statusCode, res.body).toBe(200);
  const first = new Map<string, string>();
  for (const s of res.json().items as { start: string }[]) {
    const day = local(s.start).slice(0, 10);
    if (!first.has(day)) first.set(day, s.start);
  }
  return first;
}

describe('DST in America/New_York', () => {
  it('a 09:00-17:00 template gives 09:00 local slots on the days around spring forward', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { weekdays: ALL_WEEK });
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const first = await firstSlotPerDay(org, type, '2026-03-06T05:00:00Z', '2026-03-11T04:00:00Z');
    expect([...first.values()]).toEqual([
      '2026-03-06T14:00:00.000Z',
      '2026-03-07T14:00:00.000Z',
      '2026-03-08T13:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-10T13:00:00.000Z',
    ]);
    for (const start of first.values()) expect(local(start).slice(11)).toBe('09:00');
  });

  it('a 09:00-17:00 template gives 09:00 local slots on the days around fall back, 16 slots each day', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { weekdays: ALL_WEEK });
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const res = await t
      .as(org, 'front_desk')
      .get(`/api/availability?appointmentTypeId=${type}&from=2026-10-31T04:00:00Z&to=2026-11-03T05:00:00Z&limit=2000`);
    const items = res.json().items as { start: string }[];
    const perDay = new Map<string, string[]>();
    for (const s of items) perDay.set(local(s.start).slice(0, 10), [...(perDay.get(local(s.start).slice(0, 10)) ?? []), s.start]);
    expect([...perDay.keys()]).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect(perDay.get('2026-10-31')?.[0]).toBe('2026-10-31T13:00:00.000Z');
    expect(perDay.get('2026-11-01')?.[0]).toBe('2026-11-01T14:00:00.000Z');
    expect(perDay.get('2026-11-02')?.[0]).toBe('2026-11-02T14:00:00.000Z');
    for (const list of perDay.values()) {
      expect(list).toHaveLength(16);
      expect(local(list[0] as string).slice(11)).toBe('09:00');
      expect(local(list[15] as string).slice(11)).toBe('16:30');
    }
  });

  it('a weekly series at 09:00 stays 09:00 local across both changes', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org);
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const patientId = await newPatient(t.db, org);
    const fd = t.as(org, 'front_desk');
    const spring = await fd.post('/api/appointment-series', { ...booking(org, patientId, type, '2026-03-02T09:00'), count: 3 });
    expect(spring.statusCode, spring.body).toBe(201);
    expect(spring.json().occurrences.map((o: { start: string }) => o.start)).toEqual([
      '2026-03-02T14:00:00.000Z',
      '2026-03-09T13:00:00.000Z',
      '2026-03-16T13:00:00.000Z',
    ]);
    const fall = await fd.post('/api/appointment-series', {
      ...booking(org, patientId, type, '2026-10-26T13:00:00Z'),
      until: '2026-11-09',
    });
    expect(fall.json().occurrences.map((o: { start: string; outcome: string }) => [local(o.start), o.outcome])).toEqual([
      ['2026-10-26 09:00', 'booked'],
      ['2026-11-02 09:00', 'booked'],
      ['2026-11-09 09:00', 'booked'],
    ]);
    const rows = await t.db
      .selectFrom('appointments')
      .select('starts_at')
      .where('patient_id', '=', patientId)
      .orderBy('starts_at')
      .execute();
    expect(rows.map((r) => local(r.starts_at.toISOString()).slice(11))).toEqual(Array(6).fill('09:00'));
  });

  it('refuses a single booking at 02:30 on 2026-03-08 (does not exist); a series shifts it to 03:30', async () => {
    const org = await t.newOrg();
    const night = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { providerId: night, weekdays: [7], start: '00:00', end: '06:00' });
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const patientId = await newPatient(t.db, org);
    const fd = t.as(org, 'front_desk');
    const single = await fd.post('/api/appointments', { ...booking(org, patientId, type, '2026-03-08T02:30'), providerId: night });
    expect(single.statusCode).toBe(400);
    expect(single.json().errors[0]).toMatchObject({ path: 'start' });
    expect(single.json().errors[0].message).toContain('does not exist');
    const series = await fd.post('/api/appointment-series', {
      ...booking(org, patientId, type, '2026-03-01T02:30'),
      providerId: night,
      count: 3,
    });
    expect(series.statusCode, series.body).toBe(201);
    expect(series.json().occurrences.map((o: { start: string }) => local(o.start))).toEqual([
      '2026-03-01 02:30',
      '2026-03-08 03:30',
      '2026-03-15 02:30',
    ]);
  });

  it('a template inside the skipped hour yields nothing that day', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { weekdays: [7], start: '02:00', end: '03:00' });
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const first = await firstSlotPerDay(org, type, '2026-03-01T00:00:00Z', '2026-03-16T00:00:00Z');
    expect([...first.keys()]).toEqual(['2026-03-01', '2026-03-15']);
  });

  it('reads 01:30 on 2026-11-01 (repeated) as the earlier, daylight-time 01:30', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org, { weekdays: [7], start: '01:00', end: '02:00' });
    const type = await newAppointmentType(t.db, org, { duration: 30 });
    const patientId = await newPatient(t.db, org);
    const res = await t.as(org, 'front_desk').post('/api/appointments', booking(org, patientId, type, '2026-11-01T01:30'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().start).toBe('2026-11-01T05:30:00.000Z'); // 01:30-04:00
    // The local hour 01:00-02:00 happens twice: two real hours of slots.
    const slots = await t
      .as(org, 'front_desk')
      .get(`/api/availability?appointmentTypeId=${type}&from=2026-11-01T04:00:00Z&to=2026-11-01T12:00:00Z`);
    expect(slots.json().items.map((s: { start: string }) => s.start)).toEqual([
      '2026-11-01T05:00:00.000Z',
      '2026-11-01T06:00:00.000Z',
      '2026-11-01T06:30:00.000Z',
    ]);
  });
});
