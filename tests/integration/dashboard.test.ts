/**
 * The manager's dashboard: today's flow, the week's utilization, the no-show trend and the task
 * counts come out exact for a known day; a location of another practice is 404 and the front
 * desk (no report:read) 403; the CSV carries the same figures; the morning digest reaches the
 * office manager once, whatever the number of job runners, and not before 07:00 local.
 */
import { DigestSweeper } from '@domain/dashboard/daily-digest.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commsFixtures } from '../helpers/comms-fixtures.ts';
import { newRoom } from '../helpers/scheduling-factories.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-04-15, 06:30 in New York (10:30 UTC): before the digest's 07:00.
const clock = new FakeClock('2026-04-15T10:30:00Z');
const t = await createTestApp({ clock });
let smtp: SmtpSink;
beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
});
const f = commsFixtures(t, clock, () => smtp);

describe('the manager’s dashboard', () => {
  it('counts today’s flow, the week’s utilization, no-shows by week and tasks; checks who asks and where', async () => {
    clock.set('2026-04-15T10:30:00Z');
    const { org, typeId } = await f.practice(); // Mon-Fri 09:00-17:00, 20-minute visits
    const om = f.as(org, 'office_manager');
    const fd = f.as(org, 'front_desk');
    const patients = await Promise.all([1, 2, 3, 4, 5].map(() => f.patient(org)));
    // Last week (Wednesday 8th, booked then): two visits, one a no-show.
    clock.set('2026-04-08T12:00:00Z');
    const past = [
      await f.book(org, typeId, patients[0]?.id as string, '2026-04-08T09:00'),
      await f.book(org, typeId, patients[1]?.id as string, '2026-04-08T09:30'),
    ];
    await t.db
      .updateTable('appointments')
      .set({ status: 'no_show' })
      .where('id', '=', past[1] as string)
      .execute();
    // Today: four visits; one arrived at 09:00 and roomed at 09:12, one waiting since 09:20, one cancelled.
    clock.set('2026-04-15T12:00:00Z');
    const today = [];
    for (const [i, time] of ['09:00', '09:30', '10:00', '10:30'].entries()) {
      today.push(await f.book(org, typeId, patients[i]?.id as string, `2026-04-15T${time}`));
    }
    await t.db
      .updateTable('appointments')
      .set({ status: 'roomed', arrived_at: new Date('2026-04-15T13:00:00Z'), roomed_at: new Date('2026-04-15T13:12:00Z') })
      .where('id', '=', today[0] as string)
      .execute();
    await t.db
      .updateTable('appointments')
      .set({ status: 'arrived', arrived_at: new Date('2026-04-15T13:20:00Z') })
      .where('id', '=', today[1] as string)
      .execute();
    await t.db
      .updateTable('appointments')
      .set({ status: 'cancelled', cancel_reason: 'patient', cancelled_at: new Date('2026-04-15T12:00:00Z') })
      .where('id', '=', today[3] as string)
      .execute();
    // 09:40 in New York.
    clock.set('2026-04-15T13:40:00Z');
    await fd.post('/api/tasks', { title: 'Late one', dueOn: '2026-04-14', locationId: org.locationId });
    await fd.post('/api/tasks', { title: 'Fresh one', locationId: org.locationId });

    // On call now, an expired licence, a room out of service with today's visits.
    const shift = await om.post('/api/on-call-shifts', {
      userId: org.users.nurse.id,
      locationId: org.locationId,
      start: '2026-04-15T12:00:00Z',
      end: '2026-04-15T22:00:00Z',
    });
    expect(shift.statusCode, shift.body).toBe(201);
    const licence = await om.post('/api/credentials', {
      providerId: org.providerId,
      kind: 'license',
      number: 'MA-1234',
      state: 'MA',
      expiresOn: '2026-04-01',
    });
    expect(licence.statusCode, licence.body).toBe(201);
    const roomId = await newRoom(t.db, org, { name: 'Exam 3' });
    const ecg = (await om.post('/api/equipment', { name: 'ECG cart', roomId })).json();
    const fault = await fd.post(`/api/equipment/${ecg.id}/faults`, {
      description: 'Will not power on',
      severity: 'high',
      outOfService: true,
    });
    expect(fault.statusCode, fault.body).toBe(201);

    const res = await om.get(`/api/dashboard?locationId=${org.locationId}`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.date).toBe('2026-04-15');
    // Waits: 12 minutes (roomed) and 20 minutes (still waiting at 09:40): 16 on average.
    expect(d.today).toEqual({ scheduled: 3, arrived: 2, waiting: 2, withProvider: 0, checkedOut: 0, noShows: 0, averageWaitMinutes: 16 });
    // This week: 40 working hours; three 20-minute visits booked (the cancelled one freed its time).
    expect(d.utilization.from).toBe('2026-04-13');
    expect(d.utilization.providers).toEqual([
      expect.objectContaining({ providerId: org.providerId, bookedMinutes: 60, workingMinutes: 2400, percent: 3 }),
    ]);
    expect(d.noShowTrend).toHaveLength(8);
    expect(d.noShowTrend.at(-2)).toEqual({ weekStart: '2026-04-06', visits: 2, noShows: 1, rate: 50 });
    // This week so far: the visits that started before 09:40 (09:00 and 09:30).
    expect(d.noShowTrend.at(-1)).toMatchObject({ weekStart: '2026-04-13', visits: 2, noShows: 0 });
    expect(d.tasks).toEqual({ open: 2, inProgress: 0, overdue: 1, slaBreached: 0 });
    expect(d.finance).toMatchObject({ totalArCents: 0, collectedCents: 0, denialRate: null });
    expect(d.onCall.now).toEqual([expect.objectContaining({ userId: org.users.nurse.id, tier: 'primary' })]);
    expect(d.credentials).toMatchObject({ expired: 1, dueSoon: 0 });
    expect(d.equipment).toMatchObject({
      outOfService: 1,
      faults: [expect.objectContaining({ equipmentName: 'ECG cart', roomName: 'Exam 3' })],
    });
    expect(d.staffing).toMatchObject({ pendingTimeOff: 0 });
    expect(d.training).not.toBeNull();

    const csv = await om.get(`/api/dashboard?locationId=${org.locationId}&format=csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')).toEqual(expect.arrayContaining(['today,scheduled,3', 'tasks,overdue,1', 'no_show_rate,2026-04-06,50']));

    // The desk holds no report:read.
    expect((await fd.get('/api/dashboard')).statusCode).toBe(403);
    const stranger = await t.newOrg();
    expect((await om.get(`/api/dashboard?locationId=${stranger.locationId}`)).statusCode).toBe(404);
    expect((await om.get('/api/dashboard?locationId=nope')).json().errors[0].path).toMatch(/locationId$/);
    // Every location: the same figures here (the second location is empty).
    expect((await om.get('/api/dashboard')).json().today.scheduled).toBe(3);
  });

  it('emails the morning digest to the office manager once, at 07:00 on the location’s clock', async () => {
    clock.set('2026-04-16T10:30:00Z'); // 06:30 in New York
    const { org } = await f.practice();
    const sweep = async () => {
      clock.advance(300_000);
      await new DigestSweeper({ db: t.db, clock }).runOnce();
      await Promise.all([f.drain(f.runner('a')), f.drain(f.runner('b'))]);
    };
    const email = org.users.office_manager.email;
    const mine = () => smtp.messages.filter((m) => m.to.includes(email));
    // The front desk's request waits at East: the digest counts it without managing staff.
    const asked = await t
      .as(org, 'front_desk')
      .post('/api/time-off', { start: '2026-04-27', end: '2026-04-27', reason: 'Dentist', locationId: org.locationId });
    expect(asked.statusCode, asked.body).toBe(201);
    // An open position at East: the digest counts it (hiring's figures).
    const opened = await t.as(org, 'office_manager').post('/api/positions', {
      title: 'Medical assistant',
      locationId: org.locationId,
      role: 'front_desk',
      employmentType: 'full_time',
      openings: 2,
      hiringManagerId: org.users.office_manager.id,
    });
    expect(opened.statusCode, opened.body).toBe(201);
    await sweep(); // 06:35
    expect(mine()).toEqual([]);
    clock.set('2026-04-16T11:01:00Z'); // 07:01
    await sweep();
    await sweep();
    // East (New York) has had its 07:00; West (Denver, 05:01) has not.
    expect(mine().map((m) => m.subject)).toEqual(['ClinicDesk: East today (2026-04-16)']);
    expect(mine()[0]?.text).toContain('1 time-off requests waiting');
    expect(mine()[0]?.text).toContain(
      'Hiring: 1 open position (2 places to fill), 0 interviewing, 0 offers out; 0 interviews in the next 7 days.',
    );
    clock.set('2026-04-16T13:02:00Z'); // 07:02 in Denver
    await sweep();
    await sweep();
    // One digest per location, each sent once by two runners over two sweeps.
    const got = mine();
    expect(got.map((m) => m.subject)).toEqual(['ClinicDesk: East today (2026-04-16)', 'ClinicDesk: West today (2026-04-16)']);
    for (const m of got) {
      expect(m.subject).toContain('today (2026-04-16)');
      expect(m.text).toContain('Today: 0 visits booked');
      expect(m.text).toContain('Tasks: 0 open');
    }
    // Nobody else of the practice got it (the front desk is no manager).
    expect(smtp.messages.filter((m) => m.to.includes(org.users.front_desk.email))).toEqual([]);
    const rows = await t.db.selectFrom('dashboard_digests').selectAll().where('organization_id', '=', org.id).execute();
    expect(rows.map((r) => [r.digest_date, r.recipients])).toEqual([
      ['2026-04-16', 1],
      ['2026-04-16', 1],
    ]);
  });
});
