/**
 * Shared set-up for the messaging and waitlist tests: a practice pointed at the test's
 * SMTP server, patients with or without email consent, requests with sessions minted
 * at the fake clock's current time, and the job runner drained the way the server runs it.
 */
import type { Role } from '@domain/access/permissions.ts';
import { ReminderSweeper } from '@domain/comms/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { JobRunner } from '@domain/jobs/index.ts';
import type { FakeClock } from '@domain/shared/clock.ts';
import { jobHandlers } from '@server/jobs/index.ts';
import { expect } from 'vitest';
import type { TestOrg } from './factories.ts';
import { booking, newAppointmentType, newPatient, weeklyHours } from './scheduling-factories.ts';
import type { SmtpSink } from './smtp-sink.ts';
import type { TestApp } from './test-app.ts';

export function commsFixtures(t: TestApp, clock: FakeClock, smtp: () => SmtpSink) {
  const runner = (id = 'r1') =>
    new JobRunner({ db: t.db, clock, installation: t.installation, handlers: jobHandlers, runnerId: id, backoffBaseMs: 1 });
  const drain = async (r = runner()) => {
    while (await r.runOnce()) {}
  };
  let sweeps = 0;

  /** Requests as `role`, each with a session started now (the fake clock may have idled the factory's out). */
  const as = (org: TestOrg, role: Role) => {
    const send = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => {
      const s = await createSession(t.db, clock, { userId: org.users[role].id, organizationId: org.id, ip: null, userAgent: null });
      return t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${s.token}` },
        ...(body !== undefined ? { payload: body as object } : {}),
      });
    };
    return {
      get: (url: string) => send('GET', url),
      post: (url: string, body: unknown = {}) => send('POST', url, body),
      patch: (url: string, body: unknown = {}) => send('PATCH', url, body),
      delete: (url: string) => send('DELETE', url),
    };
  };

  return {
    runner,
    drain,
    as,
    /** The sweep as the server runs it: the sweeper queues the minute's sweep job, runners do the rest. */
    async sweepAndSend(): Promise<void> {
      clock.advance(60_000 * ++sweeps); // one sweep per minute bucket; tests restart the clock
      await new ReminderSweeper({ db: t.db, clock }).runOnce();
      await drain();
    },
    async practice(): Promise<{ org: TestOrg; typeId: string }> {
      const org = await t.newOrg();
      await weeklyHours(t.db, org);
      const typeId = await newAppointmentType(t.db, org, { duration: 20 });
      const res = await as(org, 'admin').patch('/api/comms/settings', {
        smtpHost: smtp().host,
        smtpPort: smtp().port,
        smtpFrom: 'Desk <desk@clinic.test>',
      });
      expect(res.statusCode, res.body).toBe(200);
      return { org, typeId };
    },
    async patient(org: TestOrg, o: { email?: string | null; consent?: boolean } = {}): Promise<{ id: string; email: string | null }> {
      const id = await newPatient(t.db, org);
      const email = o.email === undefined ? `p-${id.slice(0, 8)}@mail.test` : o.email;
      await t.db
        .updateTable('patients')
        .set({ email, consent_email_reminders: o.consent ?? true })
        .where('id', '=', id)
        .execute();
      return { id, email };
    },
    async book(org: TestOrg, typeId: string, patientId: string, start: string): Promise<string> {
      const res = await as(org, 'front_desk').post('/api/appointments', booking(org, patientId, typeId, start));
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id;
    },
    mailsTo: (address: string) => smtp().messages.filter((m) => m.to.includes(address)),
    /** POST the link's form as a browser would. */
    postLink: (path: string, action: string) =>
      t.app.inject({
        method: 'POST',
        url: path,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: `action=${encodeURIComponent(action)}`,
      }),
  };
}
