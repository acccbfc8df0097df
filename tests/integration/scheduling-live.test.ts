/**
 * Live flow board over Server-Sent Events, fanned out by PostgreSQL LISTEN/NOTIFY:
 * two clients on two separate API instances (as two processes would be) both see a
 * change made by a third request.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { buildApp } from '@server/app.ts';
import { afterAll, describe, expect, it } from 'vitest';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });
const second = await buildApp({ db: t.db, pool: t.database.pool, clock });
const urlA = await t.app.listen({ port: 0, host: '127.0.0.1' });
const urlB = await second.app.listen({ port: 0, host: '127.0.0.1' });
afterAll(() => second.app.close());

interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

/** Open an SSE stream and collect its events; `next(pred)` waits for a matching one. */
async function openStream(url: string, token: string) {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' }, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters: { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let cut = buffer.indexOf('\n\n');
        while (cut >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const name = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (name && data) {
            const ev = { event: name, data: JSON.parse(data) };
            events.push(ev);
            for (const w of waiters.filter((x) => x.pred(ev))) w.resolve(ev);
          }
          cut = buffer.indexOf('\n\n');
        }
      }
    } catch {
      // aborted
    }
  })();
  const next = (pred: (e: SseEvent) => boolean, ms: number) =>
    new Promise<SseEvent>((resolve, reject) => {
      const seen = events.find(pred);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`)), ms);
      waiters.push({
        pred,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  return { res, events, next, close: () => abort.abort() };
}

describe('GET /api/flow-board/stream', () => {
  it('delivers a status change to two clients on two API instances within a second', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { duration: 20 });
    const patientId = await newPatient(t.db, org);
    const fd = t.as(org, 'front_desk');
    const appt = (await fd.post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T09:00'))).json();

    const path = `/api/flow-board/stream?locationId=${org.locationId}`;
    const a = await openStream(`${urlA}${path}`, org.users.front_desk.token);
    const b = await openStream(`${urlB}${path}`, org.users.nurse.token);
    try {
      expect(a.res.status).toBe(200);
      expect(a.res.headers.get('content-type')).toContain('text/event-stream');
      // The stream writes its own head, with the security headers every answer carries.
      expect(a.res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(a.res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(a.res.headers.get('x-frame-options')).toBe('DENY');
      await Promise.all([a.next((e) => e.event === 'ready', 2_000), b.next((e) => e.event === 'ready', 2_000)]);

      const changed = await t.as(org, 'clinician').post(`/api/appointments/${appt.id}/status`, { status: 'arrived' });
      expect(changed.statusCode).toBe(200);
      const match = (e: SseEvent) => e.event === 'appointment' && e.data.appointmentId === appt.id && e.data.status === 'arrived';
      const [ea, eb] = await Promise.all([a.next(match, 1_000), b.next(match, 1_000)]);
      expect(ea.data).toEqual({ locationId: org.locationId, appointmentId: appt.id, status: 'arrived' });
      expect(eb.data).toEqual(ea.data);
    } finally {
      a.close();
      b.close();
    }
  });

  it("sends nothing about another location or another organization's changes, and needs a session", async () => {
    const org = await t.newOrg();
    const other = await t.newOrg();
    for (const o of [org, other]) await weeklyHours(t.db, o);
    const typeId = await newAppointmentType(t.db, org, { duration: 20 });
    const otherType = await newAppointmentType(t.db, other, { duration: 20 });
    const s = await openStream(`${urlA}/api/flow-board/stream?locationId=${org.secondLocationId}`, org.users.front_desk.token);
    try {
      await s.next((e) => e.event === 'ready', 2_000);
      await t.as(org, 'front_desk').post('/api/appointments', booking(org, await newPatient(t.db, org), typeId, '2026-03-04T10:00'));
      await t
        .as(other, 'front_desk')
        .post('/api/appointments', booking(other, await newPatient(t.db, other), otherType, '2026-03-04T10:00'));
      // A change at the watched location, as a marker: everything before it was filtered out.
      await weeklyHours(t.db, org, { locationId: org.secondLocationId, weekdays: [6] });
      const booked = await t.as(org, 'front_desk').post('/api/appointments', {
        ...booking(org, await newPatient(t.db, org), typeId, '2026-03-07T09:00'),
        locationId: org.secondLocationId,
      });
      expect(booked.statusCode, booked.body).toBe(201);
      await s.next((e) => e.event === 'appointment' && e.data.appointmentId === booked.json().id, 1_000);
      expect(s.events.filter((e) => e.event === 'appointment')).toHaveLength(1);
    } finally {
      s.close();
    }
    expect((await fetch(`${urlA}/api/flow-board/stream?locationId=${org.locationId}`)).status).toBe(401);
    const foreign = await fetch(`${urlA}/api/flow-board/stream?locationId=${other.locationId}`, {
      headers: { authorization: `Bearer ${org.users.front_desk.token}` },
    });
    expect(foreign.status).toBe(400);
  });
});
