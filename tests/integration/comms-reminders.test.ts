/**
 * Reminders end to end: SMTP settings, rules, the sweep, exactly-once sending (retries,
 * two runners), consent, and the message history, against a real SMTP server.
 */
import { ReminderSweeper, sweepReminders } from '@domain/comms/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { JobRunner } from '@domain/jobs/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { jobHandlers } from '@server/jobs/index.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { linkPaths, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York.
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
let smtp: SmtpSink;

beforeAll(async () => {
  smtp = await startSmtpSink();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => clock.set('2026-03-02T15:00:00Z'));

/** The sweep as the server runs it: the sweeper queues this minute's sweep job, runners do the rest. */
let sweeps = 0;
async function sweepAndSend(): Promise<void> {
  // One sweep per minute bucket (the clock restarts each test): move to a minute not swept yet.
  clock.advance(60_000 * ++sweeps);
  await new ReminderSweeper({ db: t.db, clock }).runOnce();
  await drain();
}
const sweepOnly = () => t.db.transaction().execute((db) => sweepReminders(db, clock));

/** A bearer token minted at the fake clock's current time (the factory's may have idled out). */
async function freshGet(org: TestOrg, url: string) {
  const s = await createSession(t.db, clock, { userId: org.users.front_desk.id, organizationId: org.id, ip: null, userAgent: null });
  return t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${s.token}` } });
}

const runner = (id = 'r1') =>
  new JobRunner({ db: t.db, clock, installation: t.installation, handlers: jobHandlers, runnerId: id, backoffBaseMs: 1 });
async function drain(r = runner()): Promise<void> {
  while (await r.runOnce()) {}
}

async function practice(): Promise<{ org: TestOrg; typeId: string }> {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { duration: 20 });
  const admin = t.as(org, 'admin');
  expect(
    (await admin.patch('/api/comms/settings', { smtpHost: smtp.host, smtpPort: smtp.port, smtpFrom: 'Front Desk <desk@clinic.test>' }))
      .statusCode,
  ).toBe(200);
  return { org, typeId };
}

async function patient(org: TestOrg, o: { email?: string | null; consent?: boolean } = {}): Promise<string> {
  const id = await newPatient(t.db, org);
  const email = o.email === undefined ? `p-${id.slice(0, 8)}@mail.test` : o.email;
  await t.db
    .updateTable('patients')
    .set({ email, consent_email_reminders: o.consent ?? true })
    .where('id', '=', id)
    .execute();
  return id;
}

async function book(org: TestOrg, typeId: string, patientId: string, start: string): Promise<string> {
  const res = await t.as(org, 'front_desk').post('/api/appointments', booking(org, patientId, typeId, start));
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

describe('SMTP settings', () => {
  it('stores a password that the API never returns, and needs settings:manage', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    const before = (await admin.get('/api/comms/settings')).json();
    expect(before).toMatchObject({ smtpHost: null, smtpPasswordSet: false });
    const res = await admin.patch('/api/comms/settings', {
      smtpHost: 'mail.example.org',
      smtpPort: 587,
      smtpUser: 'desk',
      smtpPassword: 's3cret-pw',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      smtpHost: 'mail.example.org',
      smtpUser: 'desk',
      smtpPasswordSet: true,
      effectiveSource: 'organization',
    });
    expect(res.body).not.toContain('s3cret-pw');
    expect((await admin.get('/api/comms/settings')).body).not.toContain('s3cret-pw');
    // Other fields change without touching the password.
    expect((await admin.patch('/api/comms/settings', { smtpFrom: 'Desk <d@example.org>' })).json().smtpPasswordSet).toBe(true);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['changes', 'details'])
      .where('resource_type', '=', 'comms_settings')
      .where('organization_id', '=', org.id)
      .execute();
    expect(JSON.stringify(audit)).not.toContain('s3cret-pw');
    expect((await t.as(org, 'front_desk').get('/api/comms/settings')).statusCode).toBe(403);
    expect((await admin.patch('/api/comms/settings', { smtpPassword: 'x', bogus: 1 })).statusCode).toBe(400);
  });

  it('logs in to the SMTP server with the stored user and password', async () => {
    const { org, typeId } = await practice();
    await t.as(org, 'admin').patch('/api/comms/settings', { smtpUser: 'desk', smtpPassword: 'pw-123' });
    await t.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24 });
    const p = await patient(org);
    await book(org, typeId, p, '2026-03-03T09:00');
    await sweepAndSend();
    expect(smtp.logins).toContain('desk:pw-123');
  });
});

describe('reminder rules', () => {
  it('CRUD with schedule:manage; duplicates answer 409', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const a = await om.post('/api/reminder-rules', { hoursBefore: 72 });
    expect(a.statusCode, a.body).toBe(201);
    expect((await om.post('/api/reminder-rules', { hoursBefore: 24 })).statusCode).toBe(201);
    expect((await om.post('/api/reminder-rules', { hoursBefore: 24 })).json().code).toBe('ALREADY_EXISTS');
    expect((await om.post('/api/reminder-rules', { hoursBefore: 0 })).statusCode).toBe(400);
    expect((await om.get('/api/reminder-rules')).json().items.map((r: { hoursBefore: number }) => r.hoursBefore)).toEqual([72, 24]);
    const patched = await om.patch(`/api/reminder-rules/${a.json().id}`, { hoursBefore: 48, active: false });
    expect(patched.json()).toMatchObject({ hoursBefore: 48, active: false });
    expect((await om.delete(`/api/reminder-rules/${a.json().id}`)).statusCode).toBe(204);
    expect((await om.get('/api/reminder-rules')).json().items).toHaveLength(1);
    expect((await t.as(org, 'front_desk').post('/api/reminder-rules', { hoursBefore: 12 })).statusCode).toBe(403);
    const other = await t.newOrg();
    expect((await t.as(other, 'admin').delete(`/api/reminder-rules/${patched.json().id}`)).statusCode).toBe(404);
  });
});

describe('sending reminders', () => {
  it('sends exactly one email per appointment and rule, however often the sweep runs and with two runners', async () => {
    const { org, typeId } = await practice();
    const rule = (await t.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24 })).json();
    const p = await patient(org);
    const address = (await t.db.selectFrom('patients').select('email').where('id', '=', p).executeTakeFirstOrThrow()).email as string;
    const apptId = await book(org, typeId, p, '2026-03-04T10:00');
    // Not due yet: 47 h before.
    await drain();
    await t.as(org, 'admin').get('/api/reminder-rules');
    const sweep = sweepOnly;
    await sweep();
    expect(await t.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `reminder:${apptId}:${rule.id}`).execute()).toHaveLength(0);

    clock.set('2026-03-03T16:00:00Z'); // 23 h before
    await sweep();
    await sweep();
    expect(await t.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `reminder:${apptId}:${rule.id}`).execute()).toHaveLength(1);
    // Two runners at once: one claims the job, the other finds nothing.
    const [r1, r2] = [runner('a'), runner('b')];
    await Promise.all([drain(r1), drain(r2)]);
    await sweep();
    await Promise.all([drain(r1), drain(r2)]);

    const mails = mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('Appointment reminder');
    expect(mails[0]?.text).toContain('Wednesday, March 4, 2026 at 10:00 AM');
    expect(linkPaths(mails[0]?.text ?? '')).toHaveLength(2);
    const rows = await t.db.selectFrom('messages').selectAll().where('appointment_id', '=', apptId).execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: 'sent', to_address: address, rule_id: rule.id, kind: 'reminder' });
    expect(rows[0]?.provider_message_id).toBeTruthy();

    const history = await freshGet(org, `/api/patients/${p}/messages`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().items).toMatchObject([{ status: 'sent', to: address, appointmentId: apptId, channel: 'email' }]);
    const audit = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('resource_type', '=', 'patient_messages')
      .where('patient_id', '=', p)
      .execute();
    expect(audit).toHaveLength(1);
    expect((await freshGet(await t.newOrg(), `/api/patients/${p}/messages`)).statusCode).toBe(404);
  });

  it('a retried send after an SMTP failure still sends once; the last failure is recorded', async () => {
    const { org, typeId } = await practice();
    await t.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24 });
    const p = await patient(org);
    const apptId = await book(org, typeId, p, '2026-03-03T09:00');
    // Point the practice at a closed port: the job fails and is retried later.
    await t.as(org, 'admin').patch('/api/comms/settings', { smtpPort: 1 });
    const r = runner();
    await sweepAndSend();
    const job = await t.db.selectFrom('jobs').selectAll().where('dedupe_key', 'like', `reminder:${apptId}:%`).executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'queued', attempts: 1 });
    expect(await t.db.selectFrom('messages').select('id').where('appointment_id', '=', apptId).execute()).toHaveLength(0);
    await t.as(org, 'admin').patch('/api/comms/settings', { smtpPort: smtp.port });
    clock.advance(60_000);
    await drain(r);
    await drain(r);
    const address = (await t.db.selectFrom('patients').select('email').where('id', '=', p).executeTakeFirstOrThrow()).email as string;
    expect(mailsTo(address)).toHaveLength(1);
    expect((await t.db.selectFrom('messages').select('status').where('appointment_id', '=', apptId).executeTakeFirstOrThrow()).status).toBe(
      'sent',
    );

    // A send that fails on its last attempt is kept as failed with the error.
    const p2 = await patient(org);
    const appt2 = await book(org, typeId, p2, '2026-03-03T10:00');
    await t.as(org, 'admin').patch('/api/comms/settings', { smtpPort: 1 });
    await sweepOnly();
    await t.db.updateTable('jobs').set({ max_attempts: 1 }).where('dedupe_key', 'like', `reminder:${appt2}:%`).execute();
    await drain(r);
    const failed = await t.db.selectFrom('messages').selectAll().where('appointment_id', '=', appt2).executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.error).toBeTruthy();
  });

  it('only the shortest due rule is sent for a late booking; the longer one is sent when its time comes', async () => {
    const { org, typeId } = await practice();
    await t.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 72 });
    await t.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24 });
    const p1 = await patient(org);
    const p2 = await patient(org);
    const late = await book(org, typeId, p1, '2026-03-03T09:00'); // 18 h ahead: only the 24 h reminder
    const early = await book(org, typeId, p2, '2026-03-04T15:00'); // 52 h ahead: 72 h now, 24 h later
    await sweepOnly();
    await drain();
    const sent = async (id: string) =>
      (
        await t.db
          .selectFrom('messages as m')
          .innerJoin('reminder_rules as r', 'r.id', 'm.rule_id')
          .select('r.hours_before')
          .where('m.appointment_id', '=', id)
          .orderBy('r.hours_before', 'desc')
          .execute()
      ).map((r) => r.hours_before);
    expect(await sent(late)).toEqual([24]);
    expect(await sent(early)).toEqual([72]);
    clock.set('2026-03-03T21:00:00Z');
    await sweepOnly();
    await drain();
    expect(await sent(early)).toEqual([72, 24]);
  });

  it('skips patients without email consent or address, recording why', async () => {
    const { org, typeId } = await practice();
    await t.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24 });
    const noConsent = await patient(org, { consent: false, email: 'no-consent@mail.test' });
    const noEmail = await patient(org, { email: null });
    const a1 = await book(org, typeId, noConsent, '2026-03-03T09:00');
    const a2 = await book(org, typeId, noEmail, '2026-03-03T09:30');
    await sweepOnly();
    await drain();
    const rows = await t.db
      .selectFrom('messages')
      .select(['appointment_id', 'status', 'skip_reason'])
      .where('appointment_id', 'in', [a1, a2])
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { appointment_id: a1, status: 'skipped', skip_reason: 'no_consent' },
        { appointment_id: a2, status: 'skipped', skip_reason: 'no_address' },
      ]),
    );
    expect(mailsTo('no-consent@mail.test')).toHaveLength(0);
    const history = (await freshGet(org, `/api/patients/${noConsent}/messages`)).json();
    expect(history.items[0]).toMatchObject({ status: 'skipped', skipReason: 'no_consent' });
  });
});

describe('undelivered messages (the front desk home page)', () => {
  it('lists failed sends newest first with the patient, hides a restricted record from staff who may not open it, and audits the page', async () => {
    const { org, typeId } = await practice();
    await t.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24 });
    const open = await patient(org);
    const hidden = await patient(org);
    const delivered = await patient(org);
    const a1 = await book(org, typeId, open, '2026-03-03T09:00');
    const a2 = await book(org, typeId, hidden, '2026-03-03T09:40');
    // Mail that cannot leave: both reminders fail on their only attempt.
    await t.as(org, 'admin').patch('/api/comms/settings', { smtpPort: 1 });
    await sweepOnly();
    for (const a of [a1, a2])
      await t.db.updateTable('jobs').set({ max_attempts: 1 }).where('dedupe_key', 'like', `reminder:${a}:%`).execute();
    await drain();
    // Then mail works again, and a third reminder is delivered: it is not listed.
    await t.as(org, 'admin').patch('/api/comms/settings', { smtpPort: smtp.port });
    const a3 = await book(org, typeId, delivered, '2026-03-03T09:20');
    await sweepAndSend();
    const statuses = await t.db
      .selectFrom('messages')
      .select(['appointment_id', 'status'])
      .where('appointment_id', 'in', [a1, a2, a3])
      .execute();
    expect(statuses.map((m) => `${m.appointment_id === a3 ? 'a3' : 'a1/2'}:${m.status}`).sort()).toEqual([
      'a1/2:failed',
      'a1/2:failed',
      'a3:sent',
    ]);
    await t.db.updateTable('patients').set({ restricted: true }).where('id', '=', hidden).execute();

    const res = await freshGet(org, '/api/messages/undelivered');
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { patientId: string; patientName: string; status: string; appointmentId: string }[];
    // The clerk is not on the restricted patient's care team: only the other failure shows.
    expect(items.map((i) => i.appointmentId)).toEqual([a1]);
    expect(items[0]).toMatchObject({ patientId: open, status: 'failed' });
    expect(items[0]?.patientName).toMatch(/, /);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'undelivered_messages')
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ count: 1, patientIds: [open] });

    // Bad input names the field and reads nothing.
    const bad = await freshGet(org, '/api/messages/undelivered?since=yesterday');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('querystring.since');
  });
});
