/**
 * The schedule leaving the app: providers' secret-token iCalendar feeds (parsed with
 * ical.js, an independent reader) and the printed day schedule (PDF text read back with pdfjs-dist).
 */
import { FakeClock } from '@domain/shared/clock.ts';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { booking, newAppointmentType, newPatient, newProvider, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York (the org's first location).
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });

async function practice(settings: Record<string, unknown> = {}) {
  const org = await t.newOrg({ settings });
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { name: 'Follow-up', duration: 20 });
  const fd = t.as(org, 'front_desk');
  const patients: { id: string; name: string }[] = [];
  for (const [given, start] of [
    ['Aurelia', '2026-03-04T09:00'],
    ['Bartholomew', '2026-03-04T14:40'],
  ] as const) {
    const id = await newPatient(t.db, org, { givenName: given });
    const res = await fd.post('/api/appointments', booking(org, id, typeId, start));
    expect(res.statusCode, res.body).toBe(201);
    const p = await t.db.selectFrom('patients').select(['given_name', 'family_name']).where('id', '=', id).executeTakeFirstOrThrow();
    patients.push({ id, name: `${p.given_name} ${p.family_name}` });
  }
  return { org, fd, typeId, patients };
}

async function feedFor(org: TestOrg, role: 'admin' | 'clinician' = 'admin') {
  const res = await t.as(org, role).post(`/api/providers/${org.providerId}/ical-token`);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { url: string; path: string };
}

function parseEvents(ics: string) {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => {
    const e = new ICAL.Event(v);
    return {
      uid: e.uid,
      summary: e.summary,
      start: e.startDate.toJSDate().toISOString(),
      end: e.endDate.toJSDate().toISOString(),
      stamp: v.getFirstPropertyValue('dtstamp'),
      status: v.getFirstPropertyValue('status'),
      sequence: e.sequence,
    };
  });
}

describe('iCalendar feed', () => {
  it('serves valid RFC 5545 with stable UIDs, UTC times and no patient names by default; audited as ical-feed', async () => {
    const { org, patients } = await practice();
    const { url, path } = await feedFor(org);
    expect(url).toMatch(/^http:\/\/[^/]+\/ical\/[A-Za-z0-9_-]{43}\.ics$/);
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.body.startsWith('BEGIN:VCALENDAR')).toBe(true);
    expect(res.body).toContain('VERSION:2.0');
    expect(res.body).toContain('PRODID:');
    const events = parseEvents(res.body);
    expect(events.map((e) => e.start)).toEqual(['2026-03-04T14:00:00.000Z', '2026-03-04T19:40:00.000Z']);
    expect(events.map((e) => e.end)).toEqual(['2026-03-04T14:20:00.000Z', '2026-03-04T20:00:00.000Z']);
    for (const e of events) {
      expect(e.summary).toBe('Follow-up');
      expect(e.stamp).toBeTruthy();
      expect(e.uid).toMatch(/^[0-9a-f-]{36}@clinicdesk$/);
    }
    for (const p of patients) {
      expect(res.body).not.toContain(p.name.split(' ')[0]);
      expect(res.body).not.toContain(p.name.split(' ')[1]);
    }
    // The same appointment keeps its UID from one fetch to the next.
    const again = parseEvents((await t.app.inject({ method: 'GET', url: path })).body);
    expect(again.map((e) => e.uid)).toEqual(events.map((e) => e.uid));

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'role', 'user_id', 'patient_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'ical_feed')
      .where('action', '=', 'read')
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0]).toMatchObject({ role: 'system:ical-feed', user_id: null, patient_id: null });
    expect(audit[0]?.details).toMatchObject({ count: 2, patientNames: false });
    expect(JSON.stringify(audit[0]?.details)).not.toContain(patients[0]?.id);
  });

  it('ends every line in CRLF, sends called-off visits as CANCELLED and bumps SEQUENCE when a visit changes', async () => {
    const { org, fd, patients } = await practice();
    const { path } = await feedFor(org);
    const fetchFeed = async () => {
      const res = await t.app.inject({ method: 'GET', url: path });
      expect(res.statusCode, res.body).toBe(200);
      return res.body;
    };
    const first = await fetchFeed();
    // RFC 5545 §3.1: each content line, the last one included, is terminated by CRLF.
    expect(first.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(first.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const before = parseEvents(first);
    expect(before.map((e) => [e.status, e.sequence])).toEqual([
      ['CONFIRMED', 0],
      ['CONFIRMED', 0],
    ]);

    const list = (await fd.get('/api/appointments?from=2026-03-04T00:00:00Z&to=2026-03-05T00:00:00Z')).json();
    const [early, late] = list.items as { id: string; start: string }[];
    if (!early || !late) throw new Error('two visits expected');
    // The early visit is confirmed, then cancelled; the late one moves to another time.
    expect((await fd.post(`/api/appointments/${early.id}/status`, { status: 'confirmed' })).statusCode).toBe(200);
    const confirmed = parseEvents(await fetchFeed()).find((e) => e.uid === `${early.id}@clinicdesk`);
    expect(confirmed).toMatchObject({ status: 'CONFIRMED', sequence: 1 });
    expect((await fd.post(`/api/appointments/${early.id}/cancel`, { reason: 'patient' })).statusCode).toBe(200);
    const moved = await fd.post(`/api/appointments/${late.id}/reschedule`, { start: '2026-03-05T10:00' });
    expect(moved.statusCode, moved.body).toBe(201);

    const after = parseEvents(await fetchFeed());
    const byUid = new Map(after.map((e) => [e.uid, e]));
    // Still there, same UID and time, now cancelled and a revision later.
    expect(byUid.get(`${early.id}@clinicdesk`)).toMatchObject({ status: 'CANCELLED', sequence: 2, start: before[0]?.start });
    expect(byUid.get(`${late.id}@clinicdesk`)).toMatchObject({ status: 'CANCELLED', sequence: 1, start: before[1]?.start });
    // The new time is its own event.
    expect(byUid.get(`${moved.json().id}@clinicdesk`)).toMatchObject({
      status: 'CONFIRMED',
      sequence: 0,
      start: '2026-03-05T15:00:00.000Z',
    });
    expect(after).toHaveLength(3);
    for (const p of patients) expect(JSON.stringify(after)).not.toContain(p.name.split(' ')[0]);
  });

  it('shows patient names when the practice chose to, and lists their ids in the audit row', async () => {
    const { org, patients } = await practice({ ical_show_patient_names: true });
    const { path } = await feedFor(org);
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(parseEvents(res.body).map((e) => e.summary)).toEqual(patients.map((p) => `Follow-up: ${p.name}`));
    const row = await t.db
      .selectFrom('audit_events')
      .select(['details', 'role'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'ical_feed')
      .where('action', '=', 'read')
      .executeTakeFirstOrThrow();
    expect((row.details as { patientIds: string[] }).patientIds.sort()).toEqual(patients.map((p) => p.id).sort());
    // Names are patient data: the feed reads them as a purpose that holds patient:read.
    expect(row.role).toBe('system:ical-feed:patient-names');
  });

  it('answers 404 after revocation, for a replaced token, and for unknown or malformed tokens', async () => {
    const { org } = await practice();
    const first = await feedFor(org);
    const second = await feedFor(org, 'clinician'); // the clinician is this provider: may manage their own feed
    expect((await t.app.inject({ method: 'GET', url: first.path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: second.path })).statusCode).toBe(200);
    expect((await t.as(org, 'clinician').delete(`/api/providers/${org.providerId}/ical-token`)).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: second.path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/ical/${'A'.repeat(43)}.ics` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/ical/not-a-token.ics' })).statusCode).toBe(404);
    const stored = await t.db.selectFrom('provider_ical_tokens').select('token_hash').where('organization_id', '=', org.id).execute();
    expect(stored).toHaveLength(2);
    for (const s of stored) expect(s.token_hash.toString('hex')).not.toContain(Buffer.from(second.path.slice(6, 49)).toString('hex'));
  });

  it("refuses other people's feeds: front desk, another clinician's provider, another practice", async () => {
    const { org } = await practice();
    const other = await t.newOrg();
    const otherProvider = await newProvider(t.db, org);
    expect((await t.as(org, 'front_desk').post(`/api/providers/${org.providerId}/ical-token`)).statusCode).toBe(404);
    expect((await t.as(org, 'clinician').post(`/api/providers/${otherProvider}/ical-token`)).statusCode).toBe(404);
    expect((await t.as(other, 'admin').post(`/api/providers/${org.providerId}/ical-token`)).statusCode).toBe(404);
    expect((await t.as(org, 'office_manager').post(`/api/providers/${otherProvider}/ical-token`)).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'POST', url: `/api/providers/${org.providerId}/ical-token` })).statusCode).toBe(401);
  });
});

describe('printed day schedule', () => {
  it('renders a PDF with names and times on the location clock, audited as print', async () => {
    const { org, fd, patients } = await practice();
    const res = await fd.get(`/api/schedule/print?date=2026-03-04&locationId=${org.locationId}`);
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(bytes);
    expect(text).toContain(org.name);
    expect(text).toContain('2026-03-04');
    expect(text).toContain('East');
    for (const p of patients) expect(text).toContain(p.name);
    // 14:00Z and 19:40Z are 09:00 and 14:40 in New York.
    expect(text).toContain('09:00');
    expect(text).toContain('14:40');
    expect(text).not.toContain('19:40');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'user_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('action', '=', 'print')
      .executeTakeFirstOrThrow();
    expect(audit.user_id).toBe(org.users.front_desk.id);
    expect((audit.details as { patientIds: string[] }).patientIds.sort()).toEqual(patients.map((p) => p.id).sort());
  });

  it('filters by provider, leaves cancelled visits out, and refuses unknown locations and other roles', async () => {
    const { org, fd, typeId, patients } = await practice();
    const list = (await fd.get(`/api/appointments?from=2026-03-04T00:00:00Z&to=2026-03-05T00:00:00Z`)).json();
    await fd.post(`/api/appointments/${list.items[0].id}/cancel`, { reason: 'patient' });
    const provider2 = await newProvider(t.db, org);
    await weeklyHours(t.db, org, { providerId: provider2 });
    const third = await newPatient(t.db, org, { givenName: 'Cornelius' });
    expect(
      (await fd.post('/api/appointments', { ...booking(org, third, typeId, '2026-03-04T10:00'), providerId: provider2 })).statusCode,
    ).toBe(201);
    const mine = await pdfText(
      (await fd.get(`/api/schedule/print?date=2026-03-04&locationId=${org.locationId}&providerId=${org.providerId}`)).rawPayload,
    );
    expect(mine).not.toContain(patients[0]?.name);
    expect(mine).toContain(patients[1]?.name);
    expect(mine).not.toContain('Cornelius');
    const other = await t.newOrg();
    expect((await fd.get(`/api/schedule/print?date=2026-03-04&locationId=${other.locationId}`)).statusCode).toBe(404);
    expect((await t.as(org, 'biller').get(`/api/schedule/print?locationId=${org.locationId}`)).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/schedule/print?locationId=${org.locationId}` })).statusCode).toBe(401);
  });
});
