/**
 * Text messages both ways, against a local Twilio that checks every request: the practice's SMS
 * account (the token never shown), the desk's text and the reminder by text (basic auth, path,
 * form body), quiet hours in the location's zone (held to the morning across a DST change), a
 * provider refusal (21610) failing at once, and the inbound webhook: signature checked, each
 * MessageSid once, STOP/START, C/N on the next visit, anything else to the desk's inbox.
 */
import { twilioSignature } from '@domain/comms/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commsFixtures } from '../helpers/comms-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York.
const MONDAY_10AM = '2026-03-02T15:00:00Z';
const clock = new FakeClock(MONDAY_10AM);
const t = await createTestApp({ clock });
const f = commsFixtures(t, clock, () => {
  throw new Error('no SMTP in this file');
});
const PUBLIC_URL = 'https://desk.clinic.example';
let twilio: FakeTwilio;
let numbers = 0;

beforeAll(async () => {
  twilio = await startFakeTwilio();
});
afterAll(async () => {
  await twilio.close();
});
beforeEach(() => clock.set(MONDAY_10AM));

/** A number no other test uses (the practice number is unique per server, a patient's per org by choice). */
const freshNumber = () => `+1303555${String(1000 + ++numbers).padStart(4, '0')}`;

async function practice(): Promise<{ org: TestOrg; typeId: string; number: string }> {
  const org = await t.newOrg();
  await weeklyHours(t.db, org);
  const typeId = await newAppointmentType(t.db, org, { duration: 20 });
  const number = freshNumber();
  const res = await f.as(org, 'admin').patch('/api/comms/settings', {
    publicUrl: PUBLIC_URL,
    smsAccountSid: twilio.accountSid,
    smsAuthToken: twilio.authToken,
    smsFromNumber: number,
    smsApiBaseUrl: twilio.url,
  });
  expect(res.statusCode, res.body).toBe(200);
  return { org, typeId, number };
}

async function patient(org: TestOrg, o: { consent?: boolean; mobile?: string | null } = {}): Promise<{ id: string; mobile: string }> {
  const id = await newPatient(t.db, org);
  const mobile = o.mobile ?? freshNumber();
  await t.db
    .updateTable('patients')
    .set({
      phones: JSON.stringify(o.mobile === null ? [] : [{ type: 'mobile', number: mobile }]),
      consent_sms_reminders: o.consent ?? true,
    })
    .where('id', '=', id)
    .execute();
  return { id, mobile };
}

/** Twilio's webhook as Twilio sends it: the form, signed over the public URL with the practice's token. */
function inbound(fields: Record<string, string>, sign: 'valid' | 'forged' | 'missing' = 'valid', path = '/api/sms/inbound') {
  const signature =
    sign === 'valid'
      ? twilioSignature(twilio.authToken, `${PUBLIC_URL}${path}`, fields)
      : sign === 'forged'
        ? twilioSignature('not-the-token-at-all', `${PUBLIC_URL}${path}`, fields)
        : undefined;
  return t.app.inject({
    method: 'POST',
    url: path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(signature ? { 'x-twilio-signature': signature } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

let sids = 0;
const text = (from: string, to: string, body: string, sid = `SM${String(++sids).padStart(32, '0')}`) => ({
  MessageSid: sid,
  AccountSid: twilio.accountSid,
  From: from,
  To: to,
  Body: body,
  NumMedia: '0',
});

const consentOf = async (id: string) =>
  (await t.db.selectFrom('patients').select('consent_sms_reminders').where('id', '=', id).executeTakeFirstOrThrow()).consent_sms_reminders;
const statusOf = async (id: string) =>
  (await t.db.selectFrom('appointments').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const sentTo = (to: string) => twilio.sent.filter((s) => s.to === to);

describe('SMS settings', () => {
  it('stores the auth token without ever returning it, and refuses a number that is not E.164 by name', async () => {
    const { org } = await practice();
    const admin = f.as(org, 'admin');
    const got = await admin.get('/api/comms/settings');
    expect(got.json()).toMatchObject({
      smsAccountSid: twilio.accountSid,
      smsAuthTokenSet: true,
      smsApiBaseUrl: twilio.url,
      smsReady: true,
      smsSendFrom: '08:00',
      smsSendUntil: '20:00',
    });
    expect(got.body).not.toContain(twilio.authToken);
    const bad = await admin.patch('/api/comms/settings', { smsFromNumber: '303-555-0100' });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(bad.json())).toContain('smsFromNumber');
    const backwards = await admin.patch('/api/comms/settings', { smsSendFrom: '21:00', smsSendUntil: '07:00' });
    expect(backwards.statusCode, backwards.body).toBe(400);
    expect((await admin.get('/api/comms/settings')).json().smsSendFrom).toBe('08:00');
    const audit = await t.db.selectFrom('audit_events').select(['changes', 'details']).where('organization_id', '=', org.id).execute();
    expect(JSON.stringify(audit)).not.toContain(twilio.authToken);
    expect(JSON.stringify(audit)).toContain('smsAuthTokenChanged');
  });
});

describe('outbound texts against the local Twilio', () => {
  it('sends the desk text with basic auth to the account path, form-encoded, and shows it in the thread with its status', async () => {
    const { org, number } = await practice();
    const p = await patient(org);
    const before = twilio.requests.length;
    const res = await f.as(org, 'front_desk').post(`/api/patients/${p.id}/texts`, { body: 'Your lab results are in; please call us.' });
    expect(res.statusCode, res.body).toBe(201);
    await f.drain();
    const req = twilio.requests.slice(before);
    expect(req).toHaveLength(1);
    expect(req[0]).toMatchObject({
      path: `/2010-04-01/Accounts/${twilio.accountSid}/Messages.json`,
      authorization: `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`,
      problem: null,
    });
    expect(sentTo(p.mobile)).toEqual([
      expect.objectContaining({
        from: number,
        body: 'Your lab results are in; please call us.',
        statusCallback: `${PUBLIC_URL}/api/sms/status`,
      }),
    ]);
    const thread = (await f.as(org, 'front_desk').get(`/api/patients/${p.id}/texts`)).json();
    expect(thread.items).toEqual([expect.objectContaining({ direction: 'outbound', status: 'sent', number: p.mobile })]);

    // The provider's delivery report, signed like the webhook, marks it delivered.
    const sid = sentTo(p.mobile)[0]?.sid as string;
    const report = { MessageSid: sid, MessageStatus: 'delivered', From: number, To: p.mobile, AccountSid: twilio.accountSid };
    expect((await inbound(report, 'forged', '/api/sms/status')).statusCode).toBe(403);
    expect((await inbound(report, 'valid', '/api/sms/status')).statusCode).toBe(204);
    const after = (await f.as(org, 'front_desk').get(`/api/patients/${p.id}/texts`)).json();
    expect(after.items[0].status).toBe('delivered');
    const reads = await t.db
      .selectFrom('audit_events')
      .select('action')
      .where('organization_id', '=', org.id)
      .where('resource_type', 'in', ['patient_text', 'patient_texts'])
      .where('patient_id', '=', p.id)
      .execute();
    expect(reads.map((r) => r.action).sort()).toEqual(['create', 'read', 'read']);
  });

  it('refuses to text a patient who has not agreed, or has no mobile, and changes nothing', async () => {
    const { org } = await practice();
    const noConsent = await patient(org, { consent: false });
    const noMobile = await patient(org, { mobile: null });
    for (const p of [noConsent, noMobile]) {
      const res = await f.as(org, 'front_desk').post(`/api/patients/${p.id}/texts`, { body: 'Hello' });
      expect(res.statusCode, res.body).toBe(409);
    }
    const rows = await t.db.selectFrom('messages').select('id').where('organization_id', '=', org.id).execute();
    expect(rows).toHaveLength(0);
  });

  it('holds a text written at night until 08:00 in the location’s zone, across the change to daylight time', async () => {
    // Saturday 2026-03-07 23:30 in New York (EST); the clocks go forward at 02:00 that night.
    clock.set('2026-03-08T04:30:00Z');
    const { org } = await practice();
    const p = await patient(org);
    const res = await f.as(org, 'front_desk').post(`/api/patients/${p.id}/texts`, { body: 'Reminder: bring your insurance card.' });
    expect(res.statusCode, res.body).toBe(201);
    await f.drain();
    expect(sentTo(p.mobile)).toHaveLength(0);
    const job = await t.db
      .selectFrom('jobs')
      .select('run_at')
      .where('queue', '=', 'comms.send-text')
      .where('state', '=', 'queued')
      .where('payload', '@>', JSON.stringify({ messageId: res.json().id }) as never)
      .executeTakeFirstOrThrow();
    // 08:00 EDT on Sunday is 12:00 UTC (not 13:00: the night was an hour shorter).
    expect(new Date(job.run_at).toISOString()).toBe('2026-03-08T12:00:00.000Z');
    clock.set('2026-03-08T11:59:00Z');
    await f.drain();
    expect(sentTo(p.mobile)).toHaveLength(0);
    clock.set('2026-03-08T12:00:00Z');
    await f.drain();
    expect(sentTo(p.mobile)).toHaveLength(1);
  });

  it('fails a text the provider refuses (21610) at once, and retries one it could not take (500)', async () => {
    const { org } = await practice();
    const stopped = await patient(org);
    twilio.rejectNumbers.add(stopped.mobile);
    await f.as(org, 'front_desk').post(`/api/patients/${stopped.id}/texts`, { body: 'Hello' });
    const before = twilio.requests.length;
    await f.drain();
    expect(twilio.requests.length - before).toBe(1);
    const failed = await t.db
      .selectFrom('messages')
      .select(['status', 'error'])
      .where('patient_id', '=', stopped.id)
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('21610');

    const flaky = await patient(org);
    twilio.failNext = 1;
    await f.as(org, 'front_desk').post(`/api/patients/${flaky.id}/texts`, { body: 'Hello again' });
    await f.drain();
    // The retry waits out its (1 ms) backoff; drain again until the runner has nothing left.
    clock.advance(1_000);
    await f.drain();
    expect(sentTo(flaky.mobile)).toHaveLength(1);
  });

  it('sends a reminder by text under an SMS rule, asking for C or N', async () => {
    const { org, typeId } = await practice();
    const p = await patient(org);
    expect((await f.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24, channel: 'sms' })).statusCode).toBe(201);
    await f.book(org, typeId, p.id, '2026-03-03T09:00');
    await f.sweepAndSend();
    const [sent] = sentTo(p.mobile);
    expect(sent?.body).toMatch(/Reply C to confirm or N to cancel/);
    expect(sent?.body).toContain('9:00 AM');
  });
});

describe('waiting-list offers by text', () => {
  it('texts the offer with its link to a patient who prefers texts, and the link books the slot', async () => {
    const { org, typeId } = await practice();
    const p = await patient(org);
    await t.db
      .updateTable('patients')
      .set({ email: `w-${p.id.slice(0, 8)}@mail.test`, consent_email_reminders: true, preferred_contact_method: 'sms' })
      .where('id', '=', p.id)
      .execute();
    const desk = f.as(org, 'front_desk');
    const listed = await desk.post('/api/waitlist', {
      patientId: p.id,
      appointmentTypeId: typeId,
      earliestDate: '2026-03-02',
      latestDate: '2026-03-20',
    });
    expect(listed.statusCode, listed.body).toBe(201);
    const owner = await patient(org);
    const freed = await f.book(org, typeId, owner.id, '2026-03-04T10:00');
    expect((await desk.post(`/api/appointments/${freed}/cancel`, { reason: 'patient' })).statusCode).toBe(200);
    await f.drain();
    const [offer] = sentTo(p.mobile);
    expect(offer?.body).toContain('Wednesday, March 4, 2026 at 10:00 AM');
    const link = /\/r\/[A-Za-z0-9_.-]+/.exec(offer?.body ?? '')?.[0] as string;
    expect((await f.postLink(link, 'waitlist_accept')).statusCode).toBe(200);
    const msg = await t.db.selectFrom('messages').select(['channel', 'status']).where('patient_id', '=', p.id).executeTakeFirstOrThrow();
    expect(msg).toEqual({ channel: 'sms', status: 'sent' });
  });
  it('texts the offer to a patient who agreed to texts and has no email on record', async () => {
    const { org, typeId } = await practice();
    const p = await patient(org);
    const desk = f.as(org, 'front_desk');
    const listed = await desk.post('/api/waitlist', {
      patientId: p.id,
      appointmentTypeId: typeId,
      earliestDate: '2026-03-02',
      latestDate: '2026-03-20',
    });
    expect(listed.statusCode, listed.body).toBe(201);
    const owner = await patient(org);
    const freed = await f.book(org, typeId, owner.id, '2026-03-04T10:00');
    expect((await desk.post(`/api/appointments/${freed}/cancel`, { reason: 'patient' })).statusCode).toBe(200);
    await f.drain();
    const [offer] = sentTo(p.mobile);
    expect(offer?.body).toContain('Wednesday, March 4, 2026 at 10:00 AM');
    const msg = await t.db
      .selectFrom('messages')
      .select(['kind', 'channel', 'status'])
      .where('patient_id', '=', p.id)
      .executeTakeFirstOrThrow();
    expect(msg).toEqual({ kind: 'waitlist_offer', channel: 'sms', status: 'sent' });
  });
});

describe('inbound texts (the webhook)', () => {
  it('answers 403 to a forged or missing signature, or an unknown practice number, and records nothing', async () => {
    const { org, number } = await practice();
    const p = await patient(org);
    for (const [fields, sign] of [
      [text(p.mobile, number, 'STOP'), 'forged'],
      [text(p.mobile, number, 'STOP'), 'missing'],
      [text(p.mobile, '+19995550000', 'STOP'), 'valid'],
    ] as const) {
      const res = await inbound(fields, sign);
      expect(res.statusCode).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    // A signature over other fields than those sent (a tampered body) is forged too.
    const signed = text(p.mobile, number, 'C');
    const sig = twilioSignature(twilio.authToken, `${PUBLIC_URL}/api/sms/inbound`, signed);
    const tampered = await t.app.inject({
      method: 'POST',
      url: '/api/sms/inbound',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-twilio-signature': sig },
      payload: new URLSearchParams({ ...signed, Body: 'STOP' }).toString(),
    });
    expect(tampered.statusCode).toBe(403);
    expect(await consentOf(p.id)).toBe(true);
    expect(await t.db.selectFrom('sms_inbound').select('id').where('organization_id', '=', org.id).execute()).toHaveLength(0);
  });

  it('STOP withdraws consent once, however often the provider redelivers it; START gives it back', async () => {
    const { org, number } = await practice();
    const p = await patient(org);
    const stop = text(p.mobile, number, ' stop ');
    for (let i = 0; i < 3; i++) {
      const res = await inbound(stop);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('text/xml');
      expect(res.body).toContain('<Response/>');
    }
    expect(await consentOf(p.id)).toBe(false);
    const consentAudit = () =>
      t.db
        .selectFrom('audit_events')
        .select('changes')
        .where('organization_id', '=', org.id)
        .where('action', '=', 'update')
        .where('resource_type', '=', 'patient')
        .where('patient_id', '=', p.id)
        .execute();
    expect(await consentAudit()).toHaveLength(1);
    expect(JSON.stringify((await consentAudit())[0]?.changes)).toContain('consentSmsReminders');
    expect(await t.db.selectFrom('sms_inbound').select('action').where('organization_id', '=', org.id).execute()).toEqual([
      { action: 'opted_out' },
    ]);
    // The desk can no longer text the patient.
    expect((await f.as(org, 'front_desk').post(`/api/patients/${p.id}/texts`, { body: 'Hi' })).statusCode).toBe(409);

    expect((await inbound(text(p.mobile, number, 'START'))).statusCode).toBe(200);
    expect(await consentOf(p.id)).toBe(true);
    expect(await consentAudit()).toHaveLength(2);
  });

  it('C confirms and N cancels the next visit of the patient with that number', async () => {
    const { org, typeId, number } = await practice();
    const p = await patient(org);
    const first = await f.book(org, typeId, p.id, '2026-03-03T09:00');
    const second = await f.book(org, typeId, p.id, '2026-03-05T09:00');
    expect((await inbound(text(p.mobile, number, 'c'))).statusCode).toBe(200);
    expect(await statusOf(first)).toBe('confirmed');
    expect(await statusOf(second)).toBe('scheduled');
    clock.advance(60_000);
    expect((await inbound(text(p.mobile, number, 'N'))).statusCode).toBe(200);
    expect(await statusOf(first)).toBe('cancelled');
    expect(await statusOf(second)).toBe('scheduled');
    const thread = (await f.as(org, 'front_desk').get(`/api/patients/${p.id}/texts`)).json();
    expect(thread.items.map((i: { action: string }) => i.action)).toEqual(['cancelled', 'confirmed']);
  });

  it('anything else lands in the desk inbox matched to the patient by number, until marked handled', async () => {
    const { org, number } = await practice();
    const p = await patient(org);
    const stranger = freshNumber();
    expect((await inbound(text(p.mobile, number, 'Running 10 min late, sorry!'))).statusCode).toBe(200);
    clock.advance(60_000);
    expect((await inbound(text(stranger, number, 'Is this the clinic?'))).statusCode).toBe(200);
    const desk = f.as(org, 'front_desk');
    const inbox = (await desk.get('/api/sms/inbox')).json();
    expect(inbox.items).toEqual([
      expect.objectContaining({ from: stranger, body: 'Is this the clinic?', patientId: null }),
      expect.objectContaining({ from: p.mobile, body: 'Running 10 min late, sorry!', patientId: p.id }),
    ]);
    const mine = inbox.items[1].id;
    expect((await desk.post(`/api/sms/inbox/${mine}/handled`)).statusCode).toBe(204);
    expect((await desk.get('/api/sms/inbox')).json().items).toHaveLength(1);
    expect((await desk.get('/api/sms/inbox?handled=true')).json().items).toEqual([expect.objectContaining({ id: mine })]);
    // Another practice's inbox item is not found from here.
    const other = await practice();
    const q = await patient(other.org);
    await inbound(text(q.mobile, other.number, 'hello'));
    const theirs = (await f.as(other.org, 'front_desk').get('/api/sms/inbox')).json().items[0].id;
    expect((await desk.post(`/api/sms/inbox/${theirs}/handled`)).statusCode).toBe(404);
    expect((await desk.get(`/api/patients/${q.id}/texts`)).statusCode).toBe(404);
  });
});
