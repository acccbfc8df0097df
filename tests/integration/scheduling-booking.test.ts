import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { booking, newAppointmentType, newPatient, newRoom, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 New York.
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

async function setup(o: { buffer?: number; overbooking?: boolean; resourceKinds?: string[] } = {}) {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { duration: 30, ...o });
  const patientId = await newPatient(t.db, org);
  return { org, typeId, patientId, fd: t.as(org, 'front_desk') };
}

describe('booking', () => {
  it('books a slot, answers 201 with id/start/end/status, and refuses a second booking with 409 SLOT_TAKEN', async () => {
    const { org, typeId, patientId, fd } = await setup();
    const res = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T14:00:00Z'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ start: '2026-03-04T14:00:00.000Z', end: '2026-03-04T14:30:00.000Z', status: 'scheduled' });
    expect(res.json().id).toMatch(/^[0-9a-f-]{36}$/);
    const other = await newPatient(t.db, org);
    const clash = await fd.post('/api/appointments', booking(org, other, typeId, '2026-03-04T14:15:00Z'));
    expect(clash.statusCode).toBe(409);
    expect(clash.headers['content-type']).toContain('application/problem+json');
    expect(clash.json().code).toBe('SLOT_TAKEN');
    // Back to back is fine.
    const next = await fd.post('/api/appointments', booking(org, other, typeId, '2026-03-04T14:30:00Z'));
    expect(next.statusCode).toBe(201);
  });

  it('accepts a local start time on the location clock', async () => {
    const { org, typeId, patientId, fd } = await setup();
    const res = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:00'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().start).toBe('2026-03-04T14:00:00.000Z');
  });

  it('blocks the buffer after a visit', async () => {
    const { org, typeId, patientId, fd } = await setup({ buffer: 10 });
    expect((await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T14:00:00Z'))).statusCode).toBe(201);
    const p2 = await newPatient(t.db, org);
    const inBuffer = await fd.post('/api/appointments', booking(org, p2, typeId, '2026-03-04T14:30:00Z'));
    expect(inBuffer.json().code).toBe('SLOT_TAKEN');
    expect((await fd.post('/api/appointments', booking(org, p2, typeId, '2026-03-04T14:40:00Z'))).statusCode).toBe(201);
  });

  it('refuses a time outside the working hours', async () => {
    const { org, typeId, patientId, fd } = await setup();
    const res = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T12:00:00Z'));
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'CONFLICT', reason: 'OUTSIDE_HOURS' });
  });

  it('overbooks only where the type allows it or with appointment:override, and audits it', async () => {
    const { org, typeId, patientId, fd } = await setup();
    await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T14:00:00Z'));
    const p2 = await newPatient(t.db, org);
    const denied = await fd.post('/api/appointments', booking(org, p2, typeId, '2026-03-04T14:00:00Z', { overbook: true }));
    expect(denied.statusCode).toBe(403);
    const manager = await t
      .as(org, 'office_manager')
      .post('/api/appointments', booking(org, p2, typeId, '2026-03-04T14:00:00Z', { overbook: true }));
    expect(manager.statusCode, manager.body).toBe(201);
    expect(manager.json().overbooked).toBe(true);
    const audit = await t.db.selectFrom('audit_events').selectAll().where('resource_id', '=', manager.json().id).executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ overbooked: true, override: true });

    const open = await newAppointmentType(t.db, org, { overbooking: true });
    const p3 = await newPatient(t.db, org);
    const allowed = await fd.post('/api/appointments', booking(org, p3, open, '2026-03-04T14:00:00Z', { overbook: true }));
    expect(allowed.statusCode).toBe(201);
  });

  it('reserves a room of the needed kind and refuses when every such room is taken', async () => {
    const { org, typeId, patientId, fd } = await setup({ resourceKinds: ['procedure room'] });
    const room = await newRoom(t.db, org, { kind: 'procedure room' });
    const first = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T14:00:00Z'));
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().reservedRoomId).toBe(room);
    // Another provider, same time: the only procedure room is taken.
    const { newProvider } = await import('../helpers/scheduling-factories.ts');
    const other = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { providerId: other });
    const p2 = await newPatient(t.db, org);
    const res = await fd.post('/api/appointments', { ...booking(org, p2, typeId, '2026-03-04T14:00:00Z'), providerId: other });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SLOT_TAKEN');
  });

  it("hides another organization's patient and refuses roles without appointment:write", async () => {
    const { org, typeId, fd } = await setup();
    const stranger = await t.newOrg();
    const theirs = await newPatient(t.db, stranger);
    const res = await fd.post('/api/appointments', booking(org, theirs, typeId, '2026-03-04T14:00:00Z'));
    expect(res.statusCode).toBe(404);
    const own = await newPatient(t.db, org);
    expect((await t.as(org, 'biller').post('/api/appointments', booking(org, own, typeId, '2026-03-04T14:00:00Z'))).statusCode).toBe(403);
    const unknownField = await fd.post('/api/appointments', { ...booking(org, own, typeId, '2026-03-04T14:00:00Z'), status: 'arrived' });
    expect(unknownField.statusCode).toBe(400);
    expect(await t.db.selectFrom('appointments').select('id').where('organization_id', '=', org.id).execute()).toHaveLength(0);
  });

  it('the database refuses an overlapping insert from any writer', async () => {
    const { org, typeId, patientId, fd } = await setup();
    const res = await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T14:00:00Z'));
    const a = await t.db.selectFrom('appointments').selectAll().where('id', '=', res.json().id).executeTakeFirstOrThrow();
    const { id: _id, created_at: _c, ...copy } = a;
    await expect(
      t.db
        .insertInto('appointments')
        .values({
          ...copy,
          starts_at: new Date('2026-03-04T14:20:00Z'),
          ends_at: new Date('2026-03-04T14:50:00Z'),
          blocked_until: new Date('2026-03-04T14:50:00Z'),
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23P01' });
  });
});
