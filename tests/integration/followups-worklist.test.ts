/**
 * Follow-ups: a signed encounter whose plan asks for one puts it on the worklist (the
 * `encounter.signed` reaction, emitted here directly); the worklist's order, filters and
 * restricted records; booking from the worklist books the visit and marks the follow-up
 * booked in one transaction (a taken slot changes neither); closing; other organizations.
 */
import { encounterSigned, type EncounterSignedPayload } from '@domain/encounters/encounter-signed.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { inTransaction } from '@domain/shared/context.ts';
import { emit } from '@domain/shared/events.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, newProvider, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York (the org's first location).
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

type Item = { id: string; patientId: string; dueDate: string; status: string; providerId: string | null; locationId: string };

async function practice() {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { name: 'Follow-up', duration: 20 });
  return { org, typeId };
}

function signed(org: TestOrg, patientId: string, extra: Partial<EncounterSignedPayload> = {}): EncounterSignedPayload {
  return {
    encounterId: crypto.randomUUID(),
    organizationId: org.id,
    patientId,
    providerId: org.providerId,
    locationId: org.locationId,
    appointmentId: null,
    dateOfService: '2026-03-02',
    signedAt: '2026-03-02T15:00:00.000Z',
    signedBy: org.users.clinician.id,
    diagnoses: [{ code: 'I10' }],
    procedures: [],
    followUp: null,
    ...extra,
  };
}

const sign = (org: TestOrg, payload: EncounterSignedPayload) => inTransaction(org.ctx, (tx) => emit(tx, encounterSigned, payload));

async function handMade(org: TestOrg, patientId: string, dueDate: string, extra: Record<string, unknown> = {}) {
  const res = await t.as(org, 'front_desk').post('/api/follow-ups', { patientId, dueDate, locationId: org.locationId, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Item;
}

const worklist = async (org: TestOrg, query = '', role: 'front_desk' | 'nurse' = 'front_desk') => {
  const res = await t.as(org, role).get(`/api/follow-ups${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Item[]; nextCursor: string | null };
};

describe('the encounter.signed reaction', () => {
  it('creates one follow-up due dateOfService + inDays with the encounter’s patient, provider, location and type', async () => {
    const { org, typeId } = await practice();
    const patientId = await newPatient(t.db, org);
    const payload = signed(org, patientId, { followUp: { inDays: 90, appointmentTypeId: typeId, note: 'Recheck BP < 130/80' } });
    const results = await sign(org, payload);
    expect(results.find((r) => r.reaction === 'followups.from-signed-encounter')?.result).toEqual(expect.any(String));
    // A second delivery of the same signature adds nothing.
    await sign(org, payload);
    const { items } = await worklist(org);
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      patientId,
      dueDate: '2026-05-31',
      appointmentTypeId: typeId,
      appointmentTypeName: 'Follow-up',
      providerId: org.providerId,
      locationId: org.locationId,
      note: 'Recheck BP < 130/80',
      status: 'open',
      encounterId: payload.encounterId,
    });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'follow_up')
      .where('action', '=', 'create')
      .execute();
    expect(audit).toEqual([expect.objectContaining({ patient_id: patientId })]);
  });

  it('creates nothing when the plan asks for no follow-up', async () => {
    const { org } = await practice();
    const patientId = await newPatient(t.db, org);
    await sign(org, signed(org, patientId));
    expect((await worklist(org)).items).toEqual([]);
  });
});

describe('the worklist', () => {
  it('lists open follow-ups by due date with filters and pages, leaves restricted records out for strangers, and hides other practices', async () => {
    const { org, typeId } = await practice();
    const other = await newProvider(t.db, org);
    const [a, b, c] = [await newPatient(t.db, org), await newPatient(t.db, org), await newPatient(t.db, org)];
    const later = await handMade(org, a, '2026-04-20', { appointmentTypeId: typeId, providerId: org.providerId });
    const soon = await handMade(org, b, '2026-03-05', { providerId: other });
    const west = await handMade(org, c, '2026-03-10', { locationId: org.secondLocationId });
    const secret = await newPatient(t.db, org, { restricted: true });
    // The front desk may not open the restricted record, so it cannot note a follow-up for it either.
    const refused = await t
      .as(org, 'front_desk')
      .post('/api/follow-ups', { patientId: secret, dueDate: '2026-03-01', locationId: org.locationId });
    expect(refused.statusCode).toBe(404);
    await sign(org, signed(org, secret, { followUp: { inDays: 1, appointmentTypeId: typeId, note: null } }));

    const all = await worklist(org);
    expect(all.items.map((i) => i.id)).toEqual([soon.id, west.id, later.id]);
    expect((await worklist(org, `?locationId=${org.secondLocationId}`)).items.map((i) => i.id)).toEqual([west.id]);
    expect((await worklist(org, `?providerId=${other}`)).items.map((i) => i.id)).toEqual([soon.id]);
    expect((await worklist(org, '?dueBefore=2026-03-10')).items.map((i) => i.id)).toEqual([soon.id]);
    const first = await worklist(org, '?limit=2');
    expect(first.items.map((i) => i.id)).toEqual([soon.id, west.id]);
    expect((await worklist(org, `?limit=2&cursor=${first.nextCursor}`)).items.map((i) => i.id)).toEqual([later.id]);
    expect((await t.as(org, 'front_desk').get('/api/follow-ups?dueBefore=March')).statusCode).toBe(400);

    // On the care team, the restricted patient's follow-up (due tomorrow) comes first.
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: org.id, patient_id: secret, user_id: org.users.nurse.id })
      .execute();
    const team = await worklist(org, '', 'nurse');
    expect(team.items.map((i) => i.patientId)).toEqual([secret, b, c, a]);

    const stranger = await t.newOrg();
    expect((await worklist(stranger)).items).toEqual([]);
    const fd = t.as(stranger, 'front_desk');
    expect((await fd.post(`/api/follow-ups/${soon.id}/close`, { reason: 'moved away' })).statusCode).toBe(404);
    expect((await fd.post(`/api/follow-ups/${soon.id}/book`, { startsAt: '2026-03-09T10:00' })).statusCode).toBe(404);
    expect((await fd.post('/api/follow-ups', { patientId: a, dueDate: '2026-03-09', locationId: stranger.locationId })).statusCode).toBe(
      404,
    );
    expect((await t.as(org, 'biller').post(`/api/follow-ups/${soon.id}/close`, { reason: 'x' })).statusCode).toBe(403);
  });
});

describe('booking from the worklist', () => {
  it('books the visit and marks the follow-up booked in one transaction; a taken slot leaves it open', async () => {
    const { org, typeId } = await practice();
    const patientId = await newPatient(t.db, org);
    await sign(org, signed(org, patientId, { followUp: { inDays: 7, appointmentTypeId: typeId, note: null } }));
    const [item] = (await worklist(org)).items;
    const fd = t.as(org, 'front_desk');

    const rival = await newPatient(t.db, org);
    expect((await fd.post('/api/appointments', booking(org, rival, typeId, '2026-03-09T10:00'))).statusCode).toBe(201);
    const taken = await fd.post(`/api/follow-ups/${item?.id}/book`, { startsAt: '2026-03-09T10:00' });
    expect(taken.statusCode, taken.body).toBe(409);
    expect(taken.json().code).toBe('SLOT_TAKEN');
    expect((await worklist(org)).items.map((i) => i.id)).toEqual([item?.id]);
    const visits = () => t.db.selectFrom('appointments').select(['id', 'starts_at']).where('patient_id', '=', patientId).execute();
    expect(await visits()).toEqual([]);

    const res = await fd.post(`/api/follow-ups/${item?.id}/book`, { startsAt: '2026-03-09T10:20' });
    expect(res.statusCode, res.body).toBe(200);
    const booked = res.json();
    const [visit] = await visits();
    expect(booked).toMatchObject({ status: 'booked', appointmentId: visit?.id });
    expect(visit?.starts_at.toISOString()).toBe('2026-03-09T14:20:00.000Z');
    expect((await worklist(org)).items).toEqual([]);
    expect((await worklist(org, '?status=booked')).items.map((i) => i.id)).toEqual([item?.id]);
    expect((await fd.post(`/api/follow-ups/${item?.id}/book`, { startsAt: '2026-03-09T11:00' })).statusCode).toBe(409);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', 'in', ['follow_up', 'appointment'])
      .where('action', 'in', ['create', 'update'])
      .orderBy('seq')
      .execute();
    expect(audit.slice(-2)).toEqual([
      expect.objectContaining({ action: 'create', resource_type: 'appointment' }),
      expect.objectContaining({ action: 'update', resource_type: 'follow_up', details: { appointmentId: visit?.id } }),
    ]);
  });

  it('asks for a type when the follow-up names none, and closes with a reason', async () => {
    const { org, typeId } = await practice();
    const patientId = await newPatient(t.db, org);
    const item = await handMade(org, patientId, '2026-03-12');
    const fd = t.as(org, 'front_desk');
    const noType = await fd.post(`/api/follow-ups/${item.id}/book`, { startsAt: '2026-03-12T09:00', providerId: org.providerId });
    expect(noType.statusCode).toBe(400);
    expect(noType.json().errors[0].path).toBe('appointmentTypeId');
    const ok = await fd.post(`/api/follow-ups/${item.id}/book`, {
      startsAt: '2026-03-12T09:00',
      providerId: org.providerId,
      appointmentTypeId: typeId,
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const other = await handMade(org, patientId, '2026-03-20');
    expect((await fd.post(`/api/follow-ups/${other.id}/close`, { reason: ' ' })).statusCode).toBe(400);
    const closed = await fd.post(`/api/follow-ups/${other.id}/close`, { reason: 'Seen at the hospital clinic' });
    expect(closed.json()).toMatchObject({ status: 'closed', closedReason: 'Seen at the hospital clinic' });
    expect((await fd.post(`/api/follow-ups/${other.id}/close`, { reason: 'again' })).statusCode).toBe(409);
    expect((await worklist(org, '?status=closed')).items.map((i) => i.id)).toEqual([other.id]);
  });
});
