/**
 * The waiting list: CRUD, offers of a freed slot in priority order that HOLD the slot,
 * the cascade when an offer expires, acceptance through the emailed link, staff fills
 * and the fill-rate report.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commsFixtures } from '../helpers/comms-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { booking } from '../helpers/scheduling-factories.ts';
import { linkPaths, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York.
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

const entry = (patientId: string, typeId: string, extra: Record<string, unknown> = {}) => ({
  patientId,
  appointmentTypeId: typeId,
  earliestDate: '2026-03-02',
  latestDate: '2026-03-20',
  ...extra,
});

async function waitlisted(org: TestOrg, typeId: string, priority: number) {
  const p = await f.patient(org);
  const res = await f.as(org, 'front_desk').post('/api/waitlist', entry(p.id, typeId, { priority }));
  expect(res.statusCode, res.body).toBe(201);
  return { ...p, entryId: res.json().id as string };
}

const offers = (org: TestOrg) =>
  t.db
    .selectFrom('waitlist_offers')
    .select(['entry_id', 'status', 'appointment_id'])
    .where('organization_id', '=', org.id)
    .orderBy('created_at')
    .execute();

describe('waitlist entries', () => {
  it('create, list in offer order, change, remove; permissions and other organizations', async () => {
    const { org, typeId } = await f.practice();
    const fd = f.as(org, 'front_desk');
    const a = await f.patient(org);
    const b = await f.patient(org);
    expect((await fd.post('/api/waitlist', entry(a.id, typeId, { earliestDate: '2026-03-10', latestDate: '2026-03-01' }))).statusCode).toBe(
      400,
    );
    expect((await fd.post('/api/waitlist', entry(a.id, typeId, { providerIds: [crypto.randomUUID()] }))).statusCode).toBe(400);
    const ea = (await fd.post('/api/waitlist', entry(a.id, typeId, { priority: 3, providerIds: [org.providerId] }))).json();
    const eb = (await fd.post('/api/waitlist', entry(b.id, typeId, { priority: 1 }))).json();
    expect(ea).toMatchObject({ status: 'waiting', priority: 3, providerIds: [org.providerId], openOffer: null });
    const list = (await fd.get('/api/waitlist')).json();
    expect(list.items.map((e: { id: string }) => e.id)).toEqual([eb.id, ea.id]);
    const page = (await fd.get('/api/waitlist?limit=1')).json();
    expect(page.items).toHaveLength(1);
    expect((await fd.get(`/api/waitlist?limit=1&cursor=${page.nextCursor}`)).json().items[0].id).toBe(ea.id);
    expect((await fd.patch(`/api/waitlist/${ea.id}`, { priority: 1, notes: 'mornings' })).json()).toMatchObject({
      priority: 1,
      notes: 'mornings',
    });
    expect((await fd.delete(`/api/waitlist/${eb.id}`)).statusCode).toBe(204);
    expect((await fd.get('/api/waitlist')).json().items.map((e: { id: string }) => e.id)).toEqual([ea.id]);
    expect((await fd.get('/api/waitlist?status=removed')).json().items[0].id).toBe(eb.id);

    expect((await f.as(org, 'biller').post('/api/waitlist', entry(a.id, typeId))).statusCode).toBe(403);
    const other = await t.newOrg();
    expect((await f.as(other, 'front_desk').patch(`/api/waitlist/${ea.id}`, { priority: 2 })).statusCode).toBe(404);
    expect((await f.as(other, 'front_desk').post('/api/waitlist', entry(a.id, typeId))).statusCode).toBe(404);
    expect((await f.as(other, 'front_desk').get('/api/waitlist')).json().items).toEqual([]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_type', '=', 'waitlist_entry')
      .where('organization_id', '=', org.id)
      .execute();
    expect(audit.map((r) => r.action)).toEqual(expect.arrayContaining(['create', 'search', 'update', 'delete']));
  });
});

describe('offers of a freed slot', () => {
  it('offers in priority order, holds the slot, cascades on expiry, and acceptance books it', async () => {
    const { org, typeId } = await f.practice();
    const fd = f.as(org, 'front_desk');
    const second = await waitlisted(org, typeId, 2);
    const first = await waitlisted(org, typeId, 1);
    const tooLate = await f.patient(org);
    await fd.post('/api/waitlist', entry(tooLate.id, typeId, { earliestDate: '2026-03-10', priority: 1 }));
    const noConsent = await f.patient(org, { consent: false });
    await fd.post('/api/waitlist', entry(noConsent.id, typeId, { priority: 1 }));
    const owner = await f.patient(org);
    const freed = await f.book(org, typeId, owner.id, '2026-03-04T10:00');

    expect((await fd.post(`/api/appointments/${freed}/cancel`, { reason: 'patient' })).statusCode).toBe(200);
    await f.drain();
    expect(await offers(org)).toMatchObject([{ entry_id: first.entryId, status: 'open' }]);
    const offerMail = f.mailsTo(first.email as string);
    expect(offerMail).toHaveLength(1);
    expect(offerMail[0]?.subject).toContain('An earlier appointment is available');
    expect(offerMail[0]?.text).toContain('Wednesday, March 4, 2026 at 10:00 AM');
    const firstLink = linkPaths(offerMail[0]?.text ?? '')[0] as string;
    expect((await fd.get('/api/waitlist')).json().items.find((e: { id: string }) => e.id === first.entryId).openOffer).toMatchObject({
      start: '2026-03-04T15:00:00.000Z',
      expiresAt: '2026-03-02T15:30:00.000Z',
    });

    // The slot is held: nobody can book over it while the offer is open.
    const walkIn = await f.patient(org);
    const taken = await fd.post('/api/appointments', booking(org, walkIn.id, typeId, '2026-03-04T10:10'));
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('SLOT_TAKEN');

    // Nobody answers within 30 minutes: the offer expires and passes to the next entry.
    clock.advance(31 * 60_000);
    await f.drain();
    expect(await offers(org)).toMatchObject([
      { entry_id: first.entryId, status: 'expired' },
      { entry_id: second.entryId, status: 'open' },
    ]);
    expect((await f.postLink(firstLink, 'waitlist_accept')).statusCode).toBe(410);
    const secondLink = linkPaths(f.mailsTo(second.email as string)[0]?.text ?? '')[0] as string;
    const page = await t.app.inject({ method: 'GET', url: secondLink });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('value="waitlist_accept"');

    const accepted = await f.postLink(secondLink, 'waitlist_accept');
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.body).toContain('Appointment booked');
    const [, won] = await offers(org);
    expect(won?.status).toBe('accepted');
    const appt = await t.db
      .selectFrom('appointments')
      .selectAll()
      .where('id', '=', won?.appointment_id as string)
      .executeTakeFirstOrThrow();
    expect(appt).toMatchObject({ patient_id: second.id, status: 'scheduled', provider_id: org.providerId });
    expect(appt.starts_at.toISOString()).toBe('2026-03-04T15:00:00.000Z');
    const entries = (await fd.get('/api/waitlist?status=booked')).json().items;
    expect(entries).toMatchObject([{ id: second.entryId, appointmentId: appt.id }]);
    // The first patient stays on the list; nobody else is offered the slot.
    await f.drain();
    expect(await offers(org)).toHaveLength(2);
    expect((await fd.get('/api/waitlist')).json().items.map((e: { id: string }) => e.id)).toContain(first.entryId);

    const report = (await f.as(org, 'office_manager').get('/api/waitlist/report')).json();
    expect(report).toMatchObject({
      offersMade: 2,
      accepted: 1,
      expired: 1,
      open: 0,
      slotsOffered: 1,
      slotsFilled: 1,
      fillRate: 1,
      bookedByStaff: 0,
    });
    expect((await fd.get('/api/waitlist/report')).statusCode).toBe(403);
  });

  it('the hold time is a practice setting', async () => {
    const { org, typeId } = await f.practice();
    expect((await f.as(org, 'admin').get('/api/waitlist/settings')).json()).toEqual({ offerMinutes: 30 });
    expect((await f.as(org, 'admin').patch('/api/waitlist/settings', { offerMinutes: 90 })).json()).toEqual({ offerMinutes: 90 });
    expect((await f.as(org, 'admin').patch('/api/waitlist/settings', { offerMinutes: 1 })).statusCode).toBe(400);
    await waitlisted(org, typeId, 1);
    const owner = await f.patient(org);
    const freed = await f.book(org, typeId, owner.id, '2026-03-05T10:00');
    await f.as(org, 'front_desk').post(`/api/appointments/${freed}/cancel`, { reason: 'clinic' });
    await f.drain();
    const offer = await t.db
      .selectFrom('waitlist_offers')
      .select('expires_at')
      .where('organization_id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(offer.expires_at.toISOString()).toBe('2026-03-02T16:30:00.000Z');
  });

  it('staff fill from the list by hand; a slot held for that patient passes to the next', async () => {
    const { org, typeId } = await f.practice();
    const held = await waitlisted(org, typeId, 1);
    const next = await waitlisted(org, typeId, 2);
    const owner = await f.patient(org);
    const freed = await f.book(org, typeId, owner.id, '2026-03-04T11:00');
    await f.as(org, 'front_desk').post(`/api/appointments/${freed}/cancel`, { reason: 'patient' });
    await f.drain();
    expect(await offers(org)).toMatchObject([{ entry_id: held.entryId, status: 'open' }]);

    const res = await f.as(org, 'front_desk').post(`/api/waitlist/${held.entryId}/book`, {
      providerId: org.providerId,
      locationId: org.locationId,
      start: '2026-03-05T09:00',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'booked', openOffer: null });
    await f.drain();
    expect(await offers(org)).toMatchObject([
      { entry_id: held.entryId, status: 'withdrawn' },
      { entry_id: next.entryId, status: 'open' },
    ]);
    expect(
      (
        await f
          .as(org, 'front_desk')
          .post(`/api/waitlist/${held.entryId}/book`, { providerId: org.providerId, locationId: org.locationId, start: '2026-03-05T10:00' })
      ).statusCode,
    ).toBe(409);
    const report = (await f.as(org, 'office_manager').get('/api/waitlist/report')).json();
    expect(report).toMatchObject({ offersMade: 2, withdrawn: 1, open: 1, bookedByStaff: 1, slotsFilled: 0 });
  });
});
