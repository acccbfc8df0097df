/**
 * A restricted patient on the schedule: the record's care team (listed members, the users
 * linked to the patient's primary provider) and holders of an active break-glass grant see
 * the visit; everyone else sees a busy block (time, provider, room, status) on every surface
 * that shows the schedule: the appointment list, the flow board, the printed day, the
 * provider's iCalendar feed and the waiting list.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-text.ts';
import { booking, newAppointmentType, newPatient, newRoom, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York (the org's first location).
const START = '2026-03-04T13:30:00Z';
const clock = new FakeClock(START);
const t = await createTestApp({ clock });
const DAY = 'from=2026-03-04T00:00:00Z&to=2026-03-05T00:00:00Z';
const NOTE = 'Relapse after detox, see the letter from the clinic';

type Client = ReturnType<typeof t.as>;

/**
 * A practice with a restricted patient (primary provider: the org's provider, whose user is
 * the clinician; nobody listed on the care team) booked at 09:00 by that clinician, arrived
 * with the insurance ticked and roomed in Exam 9; and an ordinary patient at 10:00.
 */
async function restrictedVisit(settings: Record<string, unknown> = {}) {
  const org = await t.newOrg({ settings });
  await weeklyHours(t.db, org);
  const typeName = `Detox ${org.id.slice(0, 6)}`;
  const typeId = await newAppointmentType(t.db, org, { name: typeName, duration: 30, resourceKinds: ['exam room'] });
  const followUp = await newAppointmentType(t.db, org, { name: 'Follow-up', duration: 20 });
  const room = await newRoom(t.db, org, { name: 'Exam 9' });
  const patientId = await newPatient(t.db, org, { restricted: true, givenName: 'Zephyrine' });
  const p = await t.db
    .updateTable('patients')
    .set({ primary_provider_id: org.providerId })
    .where('id', '=', patientId)
    .returning(['given_name', 'family_name'])
    .executeTakeFirstOrThrow();
  const clin = t.as(org, 'clinician');
  const booked = await clin.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:00', { notes: NOTE }));
  expect(booked.statusCode, booked.body).toBe(201);
  const id = booked.json().id as string;
  expect((await clin.post(`/api/appointments/${id}/status`, { status: 'arrived', insuranceConfirmed: true })).statusCode).toBe(200);
  expect((await clin.post(`/api/appointments/${id}/status`, { status: 'roomed', roomId: room })).statusCode).toBe(200);
  const ordinaryId = await newPatient(t.db, org, { givenName: 'Ordinary' });
  const ordinary = await t.as(org, 'front_desk').post('/api/appointments', booking(org, ordinaryId, followUp, '2026-03-04T10:00'));
  expect(ordinary.statusCode, ordinary.body).toBe(201);
  return {
    org,
    id,
    patientId,
    typeId,
    typeName,
    room,
    name: `${p.given_name} ${p.family_name}`,
    ordinary: { id: ordinary.json().id as string, patientId: ordinaryId },
    /** What no one outside the care team may read anywhere. */
    secrets: [p.given_name, p.family_name, typeName, 'Relapse', patientId, typeId],
  };
}
type Visit = Awaited<ReturnType<typeof restrictedVisit>>;

async function views(user: Client, v: Visit) {
  const list = await user.get(`/api/appointments?${DAY}`);
  expect(list.statusCode, list.body).toBe(200);
  const board = await user.get(`/api/flow-board?locationId=${v.org.locationId}&date=2026-03-04`);
  expect(board.statusCode, board.body).toBe(200);
  const pdf = await user.get(`/api/schedule/print?date=2026-03-04&locationId=${v.org.locationId}`);
  expect(pdf.statusCode).toBe(200);
  return {
    list: list.body,
    appointment: (list.json().items as { id: string }[]).find((a) => a.id === v.id) as Record<string, unknown>,
    board: board.body,
    item: (board.json().items as { appointmentId: string }[]).find((i) => i.appointmentId === v.id) as Record<string, unknown>,
    pdf: await pdfText(pdf.rawPayload),
  };
}

function expectBusy(seen: Awaited<ReturnType<typeof views>>, v: Visit) {
  expect(seen.appointment).toEqual({
    id: v.id,
    patientId: null,
    patientName: 'Restricted patient',
    busy: true,
    providerId: v.org.providerId,
    locationId: v.org.locationId,
    appointmentTypeId: null,
    appointmentTypeName: 'Busy',
    start: '2026-03-04T14:00:00.000Z',
    end: '2026-03-04T14:30:00.000Z',
    status: 'roomed',
    overbooked: false,
    roomId: v.room,
    reservedRoomId: v.room,
    notes: '',
    cancelReason: null,
    cancelNote: null,
    seriesId: null,
    rescheduledFromId: null,
    rescheduledToId: null,
    arrivedAt: START.replace('Z', '.000Z'),
    insuranceConfirmedAt: null,
    demographicsConfirmedAt: null,
    version: expect.any(Number),
  });
  expect(seen.item).toMatchObject({
    patientId: null,
    patientName: 'Restricted patient',
    busy: true,
    appointmentTypeName: 'Busy',
    providerId: v.org.providerId,
    status: 'roomed',
    roomId: v.room,
    roomName: 'Exam 9',
    insuranceConfirmed: false,
    demographicsConfirmed: false,
  });
  expect(seen.pdf).toContain('Restricted patient');
  expect(seen.pdf).toContain('Busy');
  expect(seen.pdf).toContain('09:00');
  expect(seen.pdf).toContain('roomed');
  for (const secret of v.secrets) {
    expect(seen.list).not.toContain(secret);
    expect(seen.board).not.toContain(secret);
    expect(seen.pdf).not.toContain(secret);
  }
  // The ordinary visit next to it is shown as usual.
  expect(seen.list).toContain('Ordinary');
  expect(seen.board).toContain('Ordinary');
  expect(seen.pdf).toContain('Ordinary');
}

function expectDetails(seen: Awaited<ReturnType<typeof views>>, v: Visit) {
  expect(seen.appointment).toMatchObject({
    patientId: v.patientId,
    patientName: v.name,
    busy: false,
    appointmentTypeId: v.typeId,
    appointmentTypeName: v.typeName,
    notes: NOTE,
    roomId: v.room,
    insuranceConfirmedAt: START.replace('Z', '.000Z'),
  });
  expect(seen.item).toMatchObject({
    patientId: v.patientId,
    patientName: v.name,
    busy: false,
    appointmentTypeName: v.typeName,
    insuranceConfirmed: true,
  });
  expect(seen.pdf).toContain(v.name);
  expect(seen.pdf).toContain(v.typeName);
  expect(seen.pdf).not.toContain('Restricted patient');
}

describe('a restricted patient on the schedule', () => {
  it('shows front desk staff off the care team a busy block in the list, on the flow board and on the printed day; the slot stays taken', async () => {
    const v = await restrictedVisit();
    const fd = t.as(v.org, 'front_desk');
    expectBusy(await views(fd, v), v);
    // The slot is still taken, and the visit itself opens only to the care team.
    const other = await newPatient(t.db, v.org);
    const typeId = await newAppointmentType(t.db, v.org, { duration: 30 });
    const clash = await fd.post('/api/appointments', booking(v.org, other, typeId, '2026-03-04T09:10'));
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('SLOT_TAKEN');
    expect((await fd.get(`/api/appointments/${v.id}`)).statusCode).toBe(404);
    expect((await fd.post(`/api/appointments/${v.id}/status`, { status: 'with_provider' })).statusCode).toBe(404);
    // The audit rows name the patients whose details were shown, and count the busy blocks.
    const audits = await t.db
      .selectFrom('audit_events')
      .select(['resource_type', 'details'])
      .where('organization_id', '=', v.org.id)
      .where('user_id', '=', v.org.users.front_desk.id)
      .where('resource_type', 'in', ['appointment', 'flow_board', 'schedule'])
      .where('action', 'in', ['search', 'print'])
      .execute();
    expect(audits.map((a) => a.resource_type).sort()).toEqual(['appointment', 'flow_board', 'schedule']);
    for (const a of audits) expect(a.details).toMatchObject({ patientIds: [v.ordinary.patientId], busy: 1 });
  });

  it("shows the clinician linked to the patient's primary provider everything, though not listed on the care team", async () => {
    const v = await restrictedVisit();
    const listed = await t.db.selectFrom('patient_care_team').select('user_id').where('patient_id', '=', v.patientId).execute();
    expect(listed).toEqual([]);
    const clin = t.as(v.org, 'clinician');
    expectDetails(await views(clin, v), v);
    const one = await clin.get(`/api/appointments/${v.id}`);
    expect(one.statusCode, one.body).toBe(200);
    expect(one.json()).toMatchObject({ patientName: v.name, appointmentTypeName: v.typeName, notes: NOTE, busy: false });
    const mine = await clin.get(`/api/patients/${v.patientId}/appointments`);
    expect(mine.json().items[0]).toMatchObject({ patientName: v.name, busy: false });
    // The link is computed, not stored: without the primary provider the clinician sees a busy block.
    await t.db.updateTable('patients').set({ primary_provider_id: null }).where('id', '=', v.patientId).execute();
    expectBusy(await views(clin, v), v);
  });

  it('shows a listed care-team member the details, and a busy block again once taken off the team', async () => {
    const v = await restrictedVisit();
    const nurse = t.as(v.org, 'nurse');
    expectBusy(await views(nurse, v), v);
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: v.org.id, patient_id: v.patientId, user_id: v.org.users.nurse.id })
      .execute();
    expectDetails(await views(nurse, v), v);
    await t.db.deleteFrom('patient_care_team').where('patient_id', '=', v.patientId).execute();
    expectBusy(await views(nurse, v), v);
  });

  it('shows the details under break-glass, flags those reads, and returns to a busy block when the grant ends', async () => {
    const v = await restrictedVisit();
    const nurse = t.as(v.org, 'nurse');
    expectBusy(await views(nurse, v), v);
    const bg = await nurse.post(`/api/patients/${v.patientId}/break-glass`, {
      reason: 'patient collapsed in the waiting room',
      minutes: 1,
    });
    expect(bg.statusCode, bg.body).toBe(201);
    const grantId = bg.json().id as string;
    expectDetails(await views(nurse, v), v);
    const one = await nurse.get(`/api/appointments/${v.id}`);
    expect(one.json()).toMatchObject({ patientName: v.name, notes: NOTE, busy: false });
    // Each surface that showed the record under the grant left a flagged row about the patient.
    const flagged = await t.db
      .selectFrom('audit_events')
      .select(['resource_type', 'action', 'details'])
      .where('organization_id', '=', v.org.id)
      .where('user_id', '=', v.org.users.nurse.id)
      .where('patient_id', '=', v.patientId)
      .where('break_glass', '=', true)
      .where('action', '<>', 'break_glass')
      .execute();
    expect(flagged.map((a) => `${a.action} ${a.resource_type}`).sort()).toEqual([
      'print schedule',
      'read appointment',
      'search appointment',
      'search flow_board',
    ]);
    for (const a of flagged) expect(a.details).toMatchObject({ breakGlassGrantId: grantId });
    clock.advance(2 * 60_000);
    try {
      const seen = await views(nurse, v);
      expect(seen.appointment).toMatchObject({ busy: true, patientName: 'Restricted patient', appointmentTypeName: 'Busy', notes: '' });
      expect(seen.list).not.toContain(v.typeName);
    } finally {
      clock.set(START);
    }
  });

  it("keeps the patient and the type out of the provider's iCalendar feed, even with names turned on", async () => {
    const v = await restrictedVisit({ ical_show_patient_names: true });
    const token = await t.as(v.org, 'admin').post(`/api/providers/${v.org.providerId}/ical-token`);
    expect(token.statusCode, token.body).toBe(201);
    const res = await t.app.inject({ method: 'GET', url: token.json().path });
    expect(res.statusCode).toBe(200);
    const events = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const busy = events.find((e) => e.uid === `${v.id}@clinicdesk`);
    expect(busy?.summary).toBe('Busy');
    expect(busy?.startDate.toJSDate().toISOString()).toBe('2026-03-04T14:00:00.000Z');
    expect(events.find((e) => e.uid === `${v.ordinary.id}@clinicdesk`)?.summary).toMatch(/^Follow-up: Ordinary /);
    for (const secret of v.secrets) expect(res.body).not.toContain(secret);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('details')
      .where('organization_id', '=', v.org.id)
      .where('resource_type', '=', 'ical_feed')
      .where('action', '=', 'read')
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ patientIds: [v.ordinary.patientId] });
  });

  it('hides the entry of a restricted patient on the waiting list from staff off the care team, not from the primary clinician', async () => {
    const v = await restrictedVisit();
    const entry = {
      patientId: v.patientId,
      appointmentTypeId: v.typeId,
      earliestDate: '2026-03-09',
      latestDate: '2026-03-20',
      notes: NOTE,
    };
    const created = await t.as(v.org, 'clinician').post('/api/waitlist', entry);
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ patientName: v.name, appointmentTypeName: v.typeName, notes: NOTE, hidden: false });

    const fd = t.as(v.org, 'front_desk');
    const list = await fd.get('/api/waitlist');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: created.json().id,
        patientId: null,
        patientName: 'Restricted patient',
        hidden: true,
        appointmentTypeId: null,
        appointmentTypeName: 'Hidden',
        notes: '',
        earliestDate: '2026-03-09',
        status: 'waiting',
      }),
    ]);
    for (const secret of v.secrets) expect(list.body).not.toContain(secret);
    // Filters by type or patient would tell what the entry hides.
    expect((await fd.get(`/api/waitlist?appointmentTypeId=${v.typeId}`)).json().items).toEqual([]);
    expect((await fd.get(`/api/waitlist?patientId=${v.patientId}`)).json().items).toEqual([]);

    const mine = (await t.as(v.org, 'clinician').get(`/api/waitlist?appointmentTypeId=${v.typeId}`)).json();
    expect(mine.items).toEqual([
      expect.objectContaining({ patientId: v.patientId, patientName: v.name, appointmentTypeName: v.typeName, notes: NOTE, hidden: false }),
    ]);
  });
});
