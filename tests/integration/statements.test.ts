/**
 * Statement runs: guarantors whose family's patient balance reaches the threshold get one
 * statement each (a family sums under its guarantor); a second run the same day issues nothing;
 * the next statement date holds a guarantor back while a new one is still issued; dunning moves
 * from first to second to final only while nothing is paid, and back to first once the last
 * statement is paid; a consenting guarantor's notice reaches the SMTP server; the statement PDF
 * (rendered to PNG by pdftoppm) shows the amount the account shows; another practice's run is
 * 404; bad input answers 400 naming the field; who may run and read.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { billablePatient, billingPractice, signedVisit } from '../helpers/claim-fixtures.ts';
import { commsFixtures } from '../helpers/comms-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { type FakeTwilio, startFakeTwilio } from '../helpers/fake-twilio.ts';
import { pdfText } from '../helpers/pdf-text.ts';
import { type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

const clock = new FakeClock('2026-03-04T15:00:00Z');
const t = await createTestApp({ clock });
let smtp: SmtpSink;
let twilio: FakeTwilio;
const f = commsFixtures(t, clock, () => smtp);
const DAY = 86_400_000;
const OUT = path.join(os.tmpdir(), 'clinicdesk-statements');
fs.mkdirSync(OUT, { recursive: true });

beforeAll(async () => {
  smtp = await startSmtpSink();
  twilio = await startFakeTwilio();
});
afterAll(async () => {
  await smtp.close();
  await twilio.close();
});

type Run = { id: string; statementCount: number; emailedCount: number; totalDueCents: number; asOf: string };
type Statement = {
  id: string;
  guarantorKey: string;
  guarantorName: string;
  patientIds: string[];
  amountDueCents: number;
  dunningLevel: 'first' | 'second' | 'final';
  delivery: 'print' | 'email';
  nextStatementOn: string;
  aging: Record<string, number>;
};

async function practice() {
  clock.set('2026-03-04T15:00:00Z');
  const p = await billingPractice(t);
  await t.db.updateTable('locations').set({ phone: '+13035550142' }).where('organization_id', '=', p.org.id).execute();
  const smtpSet = await t.as(p.org, 'admin').patch('/api/comms/settings', {
    smtpHost: smtp.host,
    smtpPort: smtp.port,
    smtpFrom: 'Billing <billing@clinic.test>',
  });
  expect(smtpSet.statusCode, smtpSet.body).toBe(200);
  return p;
}

async function owing(p: Awaited<ReturnType<typeof practice>>, o: { email?: string } = {}) {
  const { patientId } = await billablePatient(t, p);
  await signedVisit(t, p.org, patientId);
  if (o.email)
    await t.db.updateTable('patients').set({ email: o.email, consent_email_reminders: true }).where('id', '=', patientId).execute();
  return patientId;
}

const balance = async (org: TestOrg, patientId: string) => {
  const res = await f.as(org, 'front_desk').get(`/api/patients/${patientId}/account`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { patientBalanceCents: number }).patientBalanceCents;
};

async function run(org: TestOrg, minBalanceCents: number): Promise<Run> {
  const res = await f.as(org, 'biller').post('/api/statement-runs', { minBalanceCents });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as Run;
}

async function statementsOf(org: TestOrg, runId: string): Promise<Statement[]> {
  const res = await f.as(org, 'biller').get(`/api/statement-runs/${runId}?limit=200`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { statements: { items: Statement[] } }).statements.items;
}

/** Approve a visit's charges now (sessions minted at the fake clock's time). */
async function approve(org: TestOrg, encounterId: string) {
  const charges = await f.as(org, 'biller').get(`/api/charges?encounterId=${encounterId}`);
  for (const c of (charges.json() as { items: { id: string; version: number }[] }).items) {
    const session = await createSession(t.db, clock, { userId: org.users.biller.id, organizationId: org.id, ip: null, userAgent: null });
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/charges/${c.id}/approve`,
      headers: { authorization: `Bearer ${session.token}`, 'if-match': `"${c.version}"` },
    });
    expect(res.statusCode, res.body).toBe(200);
  }
}

const pay = async (org: TestOrg, patientId: string, amountCents: number) => {
  const res = await f.as(org, 'front_desk').post('/api/payments', { patientId, amountCents, method: 'cash', locationId: org.locationId });
  expect(res.statusCode, res.body).toBe(201);
};

describe('a statement run', () => {
  it('picks guarantors at or above the threshold, sums a family under its guarantor, and does not issue twice on one day', async () => {
    const p = await practice();
    const alone = await owing(p);
    const parent = await owing(p);
    const child = await owing(p);
    await t.db.updateTable('patients').set({ guarantor_kind: 'patient', guarantor_patient_id: parent }).where('id', '=', child).execute();
    const small = await owing(p);
    const full = await balance(p.org, alone);
    expect(full).toBeGreaterThan(1_000);
    await pay(p.org, small, full - 500); // 5.00 left: under the threshold
    const first = await run(p.org, 1_000);
    expect(first.statementCount).toBe(2);
    const items = await statementsOf(p.org, first.id);
    const byKey = new Map(items.map((s) => [s.guarantorKey, s]));
    expect(byKey.get(alone)?.amountDueCents).toBe(await balance(p.org, alone));
    expect(byKey.get(alone)?.patientIds).toEqual([alone]);
    const family = byKey.get(parent);
    expect(family?.patientIds.sort()).toEqual([parent, child].sort());
    expect(family?.amountDueCents).toBe((await balance(p.org, parent)) + (await balance(p.org, child)));
    expect(byKey.has(small)).toBe(false);
    expect(items.every((s) => s.dunningLevel === 'first' && s.delivery === 'print' && s.nextStatementOn === '2026-04-03')).toBe(true);
    expect(Object.values(family?.aging ?? {}).reduce((a, b) => a + b, 0)).toBe(family?.amountDueCents);
    expect(first.totalDueCents).toBe(items.reduce((s, x) => s + x.amountDueCents, 0));

    // One disclosure row per patient on each statement; the patient account lists the statement.
    const disclosed = await t.db
      .selectFrom('audit_events')
      .select('patient_id')
      .where('organization_id', '=', p.org.id)
      .where('action', '=', 'disclose')
      .where('resource_type', '=', 'statement')
      .execute();
    expect(disclosed.map((d) => d.patient_id).sort()).toEqual([alone, parent, child].sort());
    const history = await f.as(p.org, 'front_desk').get(`/api/patients/${child}/statements`);
    expect(history.statusCode, history.body).toBe(200);
    expect((history.json() as { items: Statement[] }).items.map((s) => s.id)).toEqual([family?.id]);

    // Again the same day: nothing new.
    const again = await run(p.org, 1_000);
    expect(again.statementCount).toBe(0);
    const count = await t.db
      .selectFrom('statements')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('organization_id', '=', p.org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(2);
  });

  it('respects the next statement date (a new guarantor still gets one) and moves dunning up only while unpaid', async () => {
    const p = await practice();
    const unpaid = await owing(p);
    const partly = await owing(p);
    const settled = await owing(p);
    // Visits signed now whose charges are approved later (the newcomer's first, the settled one's second).
    const { patientId: newcomer } = await billablePatient(t, p);
    const later = await signedVisit(t, p.org, newcomer, undefined, { approve: false });
    const again = await signedVisit(t, p.org, settled, undefined, { approve: false });
    const r1 = await run(p.org, 100);
    expect(r1.statementCount).toBe(3);
    const firstDue = new Map((await statementsOf(p.org, r1.id)).map((s) => [s.guarantorKey, s.amountDueCents]));

    // Ten days later: the three are not due yet; a newcomer is.
    clock.advance(10 * DAY);
    await approve(p.org, later.encounterId);
    const r2 = await run(p.org, 100);
    expect((await statementsOf(p.org, r2.id)).map((s) => s.guarantorKey)).toEqual([newcomer]);

    // Thirty-one days after the first: nothing paid → second; a part paid → still first; paid in full, then a new visit → first.
    clock.advance(21 * DAY);
    await pay(p.org, partly, 1_000);
    await pay(p.org, settled, firstDue.get(settled) as number);
    await approve(p.org, again.encounterId);
    const r3 = await run(p.org, 100);
    const levels = new Map((await statementsOf(p.org, r3.id)).map((s) => [s.guarantorKey, s.dunningLevel]));
    expect(levels.get(unpaid)).toBe('second');
    expect(levels.get(partly)).toBe('first');
    expect(levels.get(settled)).toBe('first');
    expect(levels.has(newcomer)).toBe(false); // its next date (day 40) has not come

    // Another month unpaid → final, and final stays final.
    clock.advance(31 * DAY);
    const r4 = await run(p.org, 100);
    expect(new Map((await statementsOf(p.org, r4.id)).map((s) => [s.guarantorKey, s.dunningLevel])).get(unpaid)).toBe('final');
    clock.advance(31 * DAY);
    const r5 = await run(p.org, 100);
    expect(new Map((await statementsOf(p.org, r5.id)).map((s) => [s.guarantorKey, s.dunningLevel])).get(unpaid)).toBe('final');
  });

  it('emails a notice to a guarantor who agreed to email, through the message log', async () => {
    const p = await practice();
    const email = `guarantor-${Date.now()}@mail.test`;
    const consenting = await owing(p, { email });
    const printed = await owing(p);
    const r = await run(p.org, 100);
    expect(r).toMatchObject({ statementCount: 2, emailedCount: 1 });
    const items = await statementsOf(p.org, r.id);
    expect(items.find((s) => s.guarantorKey === consenting)?.delivery).toBe('email');
    expect(items.find((s) => s.guarantorKey === printed)?.delivery).toBe('print');
    await f.drain();
    const mail = smtp.messages.filter((m) => m.to.includes(email));
    expect(mail).toHaveLength(1);
    const due = items.find((s) => s.guarantorKey === consenting)?.amountDueCents as number;
    expect(mail[0]?.subject).toContain('Your statement from');
    expect(mail[0]?.text).toContain(`Amount due: $${(due / 100).toFixed(2)}`);
    expect(mail[0]?.text).not.toContain('99213');
    const message = await t.db
      .selectFrom('messages')
      .select(['status', 'kind', 'patient_id'])
      .where('organization_id', '=', p.org.id)
      .executeTakeFirstOrThrow();
    expect(message).toEqual({ status: 'sent', kind: 'statement', patient_id: consenting });
    // Draining again sends nothing more.
    await f.drain();
    expect(smtp.messages.filter((m) => m.to.includes(email))).toHaveLength(1);
  });

  it('texts the notice to a guarantor with no email who agreed to texts, once the practice sends texts', async () => {
    const p = await practice();
    const sms = await t.as(p.org, 'admin').patch('/api/comms/settings', {
      publicUrl: 'https://desk.clinic.example',
      smsAccountSid: twilio.accountSid,
      smsAuthToken: twilio.authToken,
      smsFromNumber: `+1720555${String(Date.now() % 10_000).padStart(4, '0')}`,
      smsApiBaseUrl: twilio.url,
    });
    expect(sms.statusCode, sms.body).toBe(200);
    const mobile = `+1303555${String(Date.now() % 10_000).padStart(4, '0')}`;
    const texting = await owing(p);
    await t.db
      .updateTable('patients')
      .set({ email: null, phones: JSON.stringify([{ type: 'mobile', number: mobile }]), consent_sms_reminders: true })
      .where('id', '=', texting)
      .execute();
    const printed = await owing(p);
    const r = await run(p.org, 100);
    expect(r).toMatchObject({ statementCount: 2, emailedCount: 1 });
    const items = await statementsOf(p.org, r.id);
    expect(items.find((s) => s.guarantorKey === printed)?.delivery).toBe('print');
    await f.drain();
    const texts = twilio.sent.filter((m) => m.to === mobile);
    expect(texts).toHaveLength(1);
    expect(texts[0]?.body).toContain('your statement is ready');
    const message = await t.db
      .selectFrom('messages')
      .select(['status', 'kind', 'channel', 'patient_id'])
      .where('organization_id', '=', p.org.id)
      .executeTakeFirstOrThrow();
    expect(message).toEqual({ status: 'sent', kind: 'statement', channel: 'sms', patient_id: texting });
  });

  it('prints the statement with the account’s balance (PDF → PNG), and the run as one combined PDF', async () => {
    const p = await practice();
    const patientId = await owing(p);
    await t.db.updateTable('patients').set({ given_name: 'Zoë', family_name: 'Łukasiewicz-Nguyễn' }).where('id', '=', patientId).execute();
    const other = await owing(p);
    await pay(p.org, other, 1_234);
    const r = await run(p.org, 100);
    const items = await statementsOf(p.org, r.id);
    const mine = items.find((s) => s.guarantorKey === patientId) as Statement;
    const owed = await balance(p.org, patientId);
    expect(mine.amountDueCents).toBe(owed);
    const res = await f.as(p.org, 'front_desk').get(`/api/statements/${mine.id}/pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/pdf');
    const text = await pdfText(res.rawPayload);
    const dollars = `$${Math.floor(owed / 100).toLocaleString('en-US')}.${String(owed % 100).padStart(2, '0')}`;
    expect(text).toContain(`Amount due: ${dollars}`);
    expect(text).toContain('Zoë Łukasiewicz-Nguyễn');
    expect(text).toContain('12 Elm St');
    expect(text).toContain('99213, 36415');
    expect(text).toContain('By phone: call the billing office at (303) 555-0142');
    expect(text).toContain('How to pay');
    expect(text).toContain('(303) 555-0142');
    const file = path.join(OUT, 'statement.pdf');
    fs.writeFileSync(file, res.rawPayload);
    execFileSync('pdftoppm', ['-png', '-r', '72', '-f', '1', '-l', '1', '-singlefile', file, path.join(OUT, 'statement')]);
    const meta = await sharp(path.join(OUT, 'statement.png')).metadata();
    expect([meta.width, meta.height]).toEqual([612, 792]);
    expect((await sharp(path.join(OUT, 'statement.png')).stats()).channels[0]?.min).toBeLessThan(100);

    const combined = await f.as(p.org, 'biller').get(`/api/statement-runs/${r.id}/pdf`);
    expect(combined.statusCode).toBe(200);
    expect(combined.headers['x-statement-parts']).toBe('1');
    const all = await pdfText(combined.rawPayload);
    expect(all).toContain('Zoë Łukasiewicz-Nguyễn');
    expect(all.split('Amount due:').length - 1).toBe(2); // one statement per guarantor
    const printed = await t.db
      .selectFrom('audit_events')
      .select('patient_id')
      .where('organization_id', '=', p.org.id)
      .where('action', '=', 'print')
      .where('resource_type', '=', 'statement')
      .execute();
    expect(printed.map((x) => x.patient_id).sort()).toEqual([patientId, patientId, other].sort());
  });

  it('answers 404 for another practice’s run and statement, 400 naming the field, 403 without the permission', async () => {
    const p = await practice();
    const patientId = await owing(p);
    const r = await run(p.org, 100);
    const [s] = await statementsOf(p.org, r.id);
    const stranger = await t.newOrg();
    const as = f.as(stranger, 'biller');
    for (const url of [`/api/statement-runs/${r.id}`, `/api/statement-runs/${r.id}/pdf`, `/api/statements/${s?.id}/pdf`]) {
      expect((await as.get(url)).statusCode, url).toBe(404);
    }
    expect((await as.get(`/api/patients/${patientId}/statements`)).statusCode).toBe(404);
    const listed = await as.get('/api/statement-runs');
    expect((listed.json() as { items: unknown[] }).items).toEqual([]);
    const before = await t.db.selectFrom('statement_runs').select('id').where('organization_id', '=', p.org.id).execute();
    const cases: [unknown, string][] = [
      [{ minBalanceCents: -1 }, 'minBalanceCents'],
      [{ minBalanceCents: 12.5 }, 'minBalanceCents'],
      [{ minBalanceCents: 'ten' }, 'minBalanceCents'],
      [{}, 'minBalanceCents'],
      [{ minBalanceCents: 100, locationId: stranger.locationId }, 'locationId'],
      [{ minBalanceCents: 100, extra: true }, ''],
    ];
    for (const [body, field] of cases) {
      const res = await f.as(p.org, 'biller').post('/api/statement-runs', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      if (field) expect((res.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toContain(field);
    }
    expect(await t.db.selectFrom('statement_runs').select('id').where('organization_id', '=', p.org.id).execute()).toEqual(before);
    expect((await f.as(p.org, 'front_desk').post('/api/statement-runs', { minBalanceCents: 100 })).statusCode).toBe(403);
    expect((await f.as(p.org, 'office_manager').post('/api/statement-runs', { minBalanceCents: 100 })).statusCode).toBe(201);
    expect((await f.as(p.org, 'clinician').get(`/api/statement-runs/${r.id}`)).statusCode).toBe(403);
  });
});
