/**
 * Staff and rota: HR fields only for managers; time off asked for by staff and approved by a
 * manager (never by its requester), a provider's approved time off emptying their availability
 * and listing the visits it falls on, cancelling it bringing the hours back; coverage gaps of a
 * week missing a front-desk afternoon; overlapping primary on call refused by the database
 * (409) and who is on call now; the on-call iCal feed; a handover acknowledged and audited; a
 * real second practice's user and location refused naming the field.
 */
import { pendingTimeOffCount } from '@domain/rota/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-04-15, 14:00 UTC (10:00 in New York).
const clock = new FakeClock('2026-04-15T14:00:00Z');
const t = await createTestApp({ clock });

describe('staff directory', () => {
  it('shows HR fields to managers only, and a manager edits them with If-Match', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const fd = t.as(org, 'front_desk');
    const nurseId = org.users.nurse.id;
    const first = await om.get(`/api/staff/${nurseId}`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.headers.etag).toBe('"0"');
    const saved = await om.patch(
      `/api/staff/${nurseId}`,
      {
        jobTitle: 'Charge nurse',
        locationId: org.locationId,
        supervisorId: org.users.office_manager.id,
        hireDate: '2022-04-18',
        emergencyContactName: 'Dana Wright',
        emergencyContactPhone: '+1 617 555 0166',
      },
      { 'if-match': '"0"' },
    );
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      jobTitle: 'Charge nurse',
      version: 1,
      hr: { hireDate: '2022-04-18', emergencyContactName: 'Dana Wright' },
    });
    expect((await om.patch(`/api/staff/${nurseId}`, { jobTitle: 'x' }, { 'if-match': '"0"' })).statusCode).toBe(412);

    const seen = await fd.get(`/api/staff/${nurseId}`);
    expect(seen.json()).toMatchObject({ jobTitle: 'Charge nurse', supervisorId: org.users.office_manager.id, hr: null });
    expect(seen.body).not.toContain('Dana Wright');
    const list = await fd.get('/api/staff?q=nurse');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((m: { hr: unknown }) => m.hr)).toEqual([null]);
    expect(list.body).not.toContain('2022-04-18');
    expect((await fd.patch(`/api/staff/${nurseId}`, { jobTitle: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(403);
    const managerList = await om.get('/api/staff?q=nurse');
    expect(managerList.json().items[0].hr.emergencyContactPhone).toBe('+1 617 555 0166');
  });
});

describe('time off', () => {
  it('staff ask, cannot approve their own, a manager approves: the provider has no slots and the visits are listed; cancelling brings them back', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const doc = t.as(org, 'clinician');
    const fd = t.as(org, 'front_desk');
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { duration: 30 });
    const patientId = await newPatient(t.db, org);
    const booked = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-04-20T10:00'));
    expect(booked.statusCode, booked.body).toBe(201);
    const slots = (from: string, to: string) =>
      fd.get(`/api/availability?appointmentTypeId=${typeId}&providerId=${org.providerId}&from=${from}&to=${to}`);
    expect((await slots('2026-04-20T04:00:00Z', '2026-04-22T04:00:00Z')).json().items.length).toBeGreaterThan(0);

    // The clinician (linked to the provider) asks for Monday and Tuesday: pending, nothing blocked yet.
    const asked = await doc.post('/api/time-off', { start: '2026-04-20', end: '2026-04-21', reason: 'Conference' });
    expect(asked.statusCode, asked.body).toBe(201);
    expect(asked.json()).toMatchObject({
      status: 'pending',
      userId: org.users.clinician.id,
      providerId: org.providerId,
      exceptionId: null,
    });
    const id = asked.json().id;
    expect((await slots('2026-04-20T04:00:00Z', '2026-04-22T04:00:00Z')).json().items.length).toBeGreaterThan(0);

    // Nobody approves their own: the requester lacks the permission, and a manager's own request is refused too.
    expect((await doc.post(`/api/time-off/${id}/decision`, { decision: 'approve' }, { 'if-match': '"1"' })).statusCode).toBe(403);
    const own = await om.post('/api/time-off', { start: '2026-05-04', end: '2026-05-04', reason: 'Dentist' });
    expect(own.json().status).toBe('pending');
    expect((await om.post(`/api/time-off/${own.json().id}/decision`, { decision: 'approve' }, { 'if-match': '"1"' })).statusCode).toBe(403);
    expect((await om.get(`/api/time-off?status=pending&locationId=${org.locationId}`)).json().items).toHaveLength(2);
    expect((await doc.get('/api/time-off')).json().items.map((x: { id: string }) => x.id)).toEqual([id]);
    // What the manager's dashboard reads.
    expect(await pendingTimeOffCount(org.ctx, org.locationId)).toBe(2);
    expect(await pendingTimeOffCount(org.ctx, org.secondLocationId)).toBe(0);

    const approved = await om.post(`/api/time-off/${id}/decision`, { decision: 'approve' }, { 'if-match': '"1"' });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'approved', decidedBy: org.users.office_manager.id, version: 2 });
    expect(approved.json().exceptionId).toBeTruthy();
    expect(approved.json().collisions.map((a: { id: string }) => a.id)).toEqual([booked.json().id]);
    expect((await slots('2026-04-20T04:00:00Z', '2026-04-22T04:00:00Z')).json().items).toEqual([]);
    expect((await slots('2026-04-22T04:00:00Z', '2026-04-23T04:00:00Z')).json().items.length).toBeGreaterThan(0);
    expect((await om.get(`/api/time-off/${id}`)).json().collisions).toHaveLength(1);
    expect((await om.post(`/api/time-off/${id}/decision`, { decision: 'deny' }, { 'if-match': '"2"' })).statusCode).toBe(409);

    const cancelled = await doc.post(`/api/time-off/${id}/cancel`, {}, { 'if-match': '"2"' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', exceptionId: null });
    expect((await slots('2026-04-20T04:00:00Z', '2026-04-22T04:00:00Z')).json().items.length).toBeGreaterThan(0);

    // A manager recording someone's time off: approved at once.
    const recorded = await om.post('/api/time-off', {
      userId: org.users.front_desk.id,
      start: '2026-05-11',
      end: '2026-05-12',
      reason: 'Vacation',
    });
    expect(recorded.statusCode, recorded.body).toBe(201);
    expect(recorded.json()).toMatchObject({ status: 'approved', providerId: null, collisions: [] });
    // Staff may not record someone else's (only managers do).
    expect((await fd.post('/api/time-off', { userId: org.users.nurse.id, start: '2026-05-11', end: '2026-05-11' })).statusCode).toBe(403);

    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'time_off')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'create', 'update', 'update', 'create']);
  });
});

describe('rota', () => {
  it('finds the missing front-desk afternoon of a week and an unsupported clinic session', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const fd = t.as(org, 'front_desk');
    const rule = await om.post('/api/coverage-rules', {
      locationId: org.locationId,
      kind: 'minimum',
      duty: 'front_desk',
      weekdays: [1, 2, 3, 4, 5],
      startTime: '08:00',
      endTime: '17:00',
      label: 'Front desk while open',
    });
    expect(rule.statusCode, rule.body).toBe(201);
    const support = await om.post('/api/coverage-rules', {
      locationId: org.locationId,
      kind: 'support',
      duty: 'provider',
      supportDuties: ['nurse', 'medical_assistant'],
    });
    expect(support.statusCode, support.body).toBe(201);
    const tpl = await om.post('/api/shift-templates', {
      locationId: org.locationId,
      name: 'Desk',
      duty: 'front_desk',
      startTime: '07:30',
      endTime: '17:30',
    });
    expect(tpl.statusCode, tpl.body).toBe(201);
    const days = ['2026-04-20', '2026-04-21', '2026-04-22', '2026-04-23', '2026-04-24'];
    for (const date of days) {
      if (date === '2026-04-22') {
        // Wednesday: the desk covers the morning only.
        const am = await om.post('/api/shifts', {
          userId: org.users.front_desk.id,
          locationId: org.locationId,
          duty: 'front_desk',
          start: `${date}T07:30`,
          end: `${date}T12:30`,
        });
        expect(am.statusCode, am.body).toBe(201);
        continue;
      }
      const s = await om.post('/api/shifts', {
        userId: org.users.front_desk.id,
        locationId: org.locationId,
        templateId: tpl.json().id,
        date,
      });
      expect(s.statusCode, s.body).toBe(201);
    }
    // The clinician's Thursday session with a nurse until noon only.
    await om.post('/api/shifts', {
      userId: org.users.clinician.id,
      locationId: org.locationId,
      duty: 'provider',
      start: '2026-04-23T08:00',
      end: '2026-04-23T17:00',
    });
    await om.post('/api/shifts', {
      userId: org.users.nurse.id,
      locationId: org.locationId,
      duty: 'nurse',
      start: '2026-04-23T08:00',
      end: '2026-04-23T12:00',
    });
    // Nobody works two shifts at once.
    const twice = await om.post('/api/shifts', {
      userId: org.users.front_desk.id,
      locationId: org.locationId,
      duty: 'front_desk',
      start: '2026-04-20T12:00',
      end: '2026-04-20T13:00',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].path).toBe('userId');

    const gaps = await fd.get(`/api/coverage-gaps?locationId=${org.locationId}&from=2026-04-20&to=2026-04-26`);
    expect(gaps.statusCode, gaps.body).toBe(200);
    expect(gaps.json().items).toEqual([
      expect.objectContaining({
        ruleId: rule.json().id,
        date: '2026-04-22',
        start: '2026-04-22T16:30:00.000Z',
        end: '2026-04-22T21:00:00.000Z',
        need: 1,
        have: 0,
      }),
      expect.objectContaining({
        ruleId: support.json().id,
        date: '2026-04-23',
        start: '2026-04-23T16:00:00.000Z',
        end: '2026-04-23T21:00:00.000Z',
        duties: ['nurse', 'medical_assistant'],
      }),
    ]);
    const week = await fd.get(`/api/shifts?locationId=${org.locationId}&from=2026-04-20&to=2026-04-26`);
    expect(week.json().items).toHaveLength(7);

    // A swap asked by the desk, approved by the manager: the shift changes hands.
    const friday = week.json().items.find((s: { start: string }) => s.start.startsWith('2026-04-24'));
    const swap = await fd.post(`/api/shifts/${friday.id}/swap-requests`, { toUserId: org.users.biller.id, note: 'Appointment' });
    expect(swap.statusCode, swap.body).toBe(201);
    expect(
      (await t.as(org, 'nurse').post(`/api/shifts/${week.json().items[0].id}/swap-requests`, { toUserId: org.users.biller.id })).statusCode,
    ).toBe(404);
    const decided = await om.post(`/api/swap-requests/${swap.json().id}/decision`, { decision: 'approve' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().shift.userId).toBe(org.users.biller.id);
  });

  it('refuses an overlapping primary on call (409), answers who is on call now, and serves the iCal feed', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const first = await om.post('/api/on-call-shifts', {
      userId: org.users.clinician.id,
      locationId: org.locationId,
      start: '2026-04-14T17:00',
      end: '2026-04-16T08:00',
    });
    expect(first.statusCode, first.body).toBe(201);
    const clash = await om.post('/api/on-call-shifts', {
      userId: org.users.nurse.id,
      locationId: org.locationId,
      start: '2026-04-15T20:00',
      end: '2026-04-16T08:00',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors[0].path).toBe('start');
    // A backup may overlap, and another location has its own primary.
    expect(
      (
        await om.post('/api/on-call-shifts', {
          userId: org.users.nurse.id,
          locationId: org.locationId,
          start: '2026-04-15T08:00',
          end: '2026-04-15T20:00',
          tier: 'backup',
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await om.post('/api/on-call-shifts', {
          userId: org.users.nurse.id,
          locationId: org.secondLocationId,
          start: '2026-04-15T08:00',
          end: '2026-04-16T08:00',
        })
      ).statusCode,
    ).toBe(201);
    // Back to back is fine.
    expect(
      (
        await om.post('/api/on-call-shifts', {
          userId: org.users.nurse.id,
          locationId: org.locationId,
          start: '2026-04-16T08:00',
          end: '2026-04-16T17:00',
        })
      ).statusCode,
    ).toBe(201);

    const now = await t.as(org, 'front_desk').get(`/api/on-call/now?locationId=${org.locationId}`);
    expect(now.statusCode, now.body).toBe(200);
    expect(now.json()).toMatchObject({
      primary: { userId: org.users.clinician.id, tier: 'primary' },
      backup: [{ userId: org.users.nurse.id }],
      nextPrimary: { userId: org.users.nurse.id, start: '2026-04-16T12:00:00.000Z' },
    });

    const token = await t.as(org, 'clinician').post('/api/on-call/ical-token', {});
    expect(token.statusCode, token.body).toBe(201);
    const feed = await t.app.inject({ method: 'GET', url: token.json().path });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.headers['content-type']).toContain('text/calendar');
    expect(feed.body).toContain('SUMMARY:On call (primary): East');
    expect(feed.body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    // Someone else's feed is not a colleague's to make.
    expect((await t.as(org, 'front_desk').post('/api/on-call/ical-token', { userId: org.users.clinician.id })).statusCode).toBe(404);
    expect((await t.as(org, 'clinician').delete('/api/on-call/ical-token')).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: token.json().path })).statusCode).toBe(404);
  });

  it('a handover is acknowledged once by the incoming person, and audited', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const nurse = t.as(org, 'nurse');
    const written = await fd.post('/api/handovers', {
      locationId: org.locationId,
      toUserId: org.users.nurse.id,
      openItems: 'Lab courier late',
      patientsWaiting: 'Two walk-ins',
      tasksDue: 'Confirm tomorrow',
    });
    expect(written.statusCode, written.body).toBe(201);
    const id = written.json().id;
    expect((await fd.post(`/api/handovers/${id}/acknowledge`)).statusCode).toBe(403);
    expect((await t.as(org, 'biller').post(`/api/handovers/${id}/acknowledge`)).statusCode).toBe(403);
    expect((await nurse.get(`/api/handovers?locationId=${org.locationId}&pending=true`)).json().items).toHaveLength(1);
    const ack = await nurse.post(`/api/handovers/${id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json()).toMatchObject({ acknowledgedBy: org.users.nurse.id, acknowledgedAt: '2026-04-15T14:00:00.000Z' });
    expect((await nurse.post(`/api/handovers/${id}/acknowledge`)).statusCode).toBe(409);
    expect((await nurse.get(`/api/handovers?locationId=${org.locationId}&pending=true`)).json().items).toHaveLength(0);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'user_id', 'resource_id'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'handover')
      .where('action', 'in', ['create', 'review'])
      .orderBy('seq')
      .execute();
    expect(audit).toEqual([
      { action: 'create', user_id: org.users.front_desk.id, resource_id: id },
      { action: 'review', user_id: org.users.nurse.id, resource_id: id },
    ]);
  });

  it("refuses a real second practice's user and location, naming the field, and hides its objects", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const foreignUser = other.users.nurse.id;
    const cases: [string, Record<string, unknown>, string][] = [
      [
        '/api/on-call-shifts',
        { userId: foreignUser, locationId: org.locationId, start: '2026-04-20T17:00', end: '2026-04-21T08:00' },
        'userId',
      ],
      [
        '/api/on-call-shifts',
        { userId: org.users.nurse.id, locationId: other.locationId, start: '2026-04-20T17:00', end: '2026-04-21T08:00' },
        'locationId',
      ],
      [
        '/api/shifts',
        { userId: foreignUser, locationId: org.locationId, duty: 'nurse', start: '2026-04-20T08:00', end: '2026-04-20T12:00' },
        'userId',
      ],
      ['/api/time-off', { userId: foreignUser, start: '2026-04-20', end: '2026-04-20' }, 'userId'],
      ['/api/time-off', { providerId: other.providerId, start: '2026-04-20', end: '2026-04-20' }, 'providerId'],
      ['/api/handovers', { locationId: other.locationId, openItems: 'x' }, 'locationId'],
      ['/api/handovers', { locationId: org.locationId, toUserId: foreignUser, openItems: 'x' }, 'toUserId'],
    ];
    for (const [url, body, field] of cases) {
      const res = await om.post(url, body);
      expect(res.statusCode, `${url} ${res.body}`).toBe(400);
      expect(res.json().errors[0].path).toBe(field);
    }
    expect((await om.get(`/api/staff/${foreignUser}`)).statusCode).toBe(404);
    expect((await om.patch(`/api/staff/${foreignUser}`, { jobTitle: 'x' }, { 'if-match': '"0"' })).statusCode).toBe(404);
    expect((await om.get(`/api/on-call/now?locationId=${other.locationId}`)).statusCode).toBe(404);
    const theirs = await t
      .as(other, 'office_manager')
      .post('/api/time-off', { userId: other.users.nurse.id, start: '2026-04-20', end: '2026-04-20' });
    expect(theirs.statusCode, theirs.body).toBe(201);
    expect((await om.get(`/api/time-off/${theirs.json().id}`)).statusCode).toBe(404);
    expect((await om.post(`/api/time-off/${theirs.json().id}/cancel`, {}, { 'if-match': '"1"' })).statusCode).toBe(404);
  });

  it('a manager granted at one location manages only its rota', async () => {
    const org = await t.newOrg();
    await t.db.deleteFrom('user_roles').where('user_id', '=', org.users.office_manager.id).execute();
    await t.db
      .insertInto('user_roles')
      .values({ organization_id: org.id, user_id: org.users.office_manager.id, role: 'office_manager', location_id: org.locationId })
      .execute();
    const om = t.as(org, 'office_manager');
    const body = (locationId: string) => ({ userId: org.users.nurse.id, locationId, start: '2026-04-20T17:00', end: '2026-04-21T08:00' });
    expect((await om.post('/api/on-call-shifts', body(org.locationId), { 'x-location-id': org.locationId })).statusCode).toBe(201);
    const west = await om.post('/api/on-call-shifts', body(org.secondLocationId), { 'x-location-id': org.locationId });
    expect(west.statusCode).toBe(400);
    expect(west.json().errors[0].path).toBe('locationId');
  });
});
