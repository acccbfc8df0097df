/** One-click links from reminder emails: confirm, cancel, and every way a link is refused. */
import { FakeClock } from '@domain/shared/clock.ts';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { commsFixtures } from '../helpers/comms-fixtures.ts';
import { linkPaths, type SmtpSink, startSmtpSink } from '../helpers/smtp-sink.ts';
import { createTestApp } from '../helpers/test-app.ts';

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

/** A booked visit 23 h ahead and its reminder's [confirm, cancel] link paths. */
async function remindedVisit() {
  const { org, typeId } = await f.practice();
  await f.as(org, 'admin').post('/api/reminder-rules', { hoursBefore: 24 });
  const p = await f.patient(org);
  const apptId = await f.book(org, typeId, p.id, '2026-03-03T09:00');
  await f.sweepAndSend();
  const mails = f.mailsTo(p.email as string);
  expect(mails).toHaveLength(1);
  const [confirm, cancel] = linkPaths(mails[0]?.text ?? '') as [string, string];
  return { org, patientId: p.id, apptId, confirm, cancel };
}

const status = async (id: string) =>
  await t.db.selectFrom('appointments').select(['status', 'cancel_reason']).where('id', '=', id).executeTakeFirstOrThrow();

describe('signed links', () => {
  it('GET shows a page with a POST button and changes nothing; POST confirms, audited as patient-link', async () => {
    const v = await remindedVisit();
    const page = await t.app.inject({ method: 'GET', url: v.confirm });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.body).toContain('<form method="post"');
    expect(page.body).toContain('name="action" value="confirm"');
    expect(page.body).toContain('Tuesday, March 3, 2026 at 9:00 AM');
    expect(page.body).not.toMatch(/<script|style=|<style/i);
    // A scanner prefetching the link twice changes nothing.
    await t.app.inject({ method: 'GET', url: v.confirm });
    expect((await status(v.apptId)).status).toBe('scheduled');

    const done = await f.postLink(v.confirm, 'confirm');
    expect(done.statusCode, done.body).toBe(200);
    expect(done.body).toContain('Appointment confirmed');
    expect((await status(v.apptId)).status).toBe('confirmed');
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'role', 'patient_id', 'resource_type'])
      .where('organization_id', '=', v.org.id)
      .where('role', '=', 'system:patient-link')
      .execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'use_link', role: 'system:patient-link', patient_id: v.patientId, resource_type: 'signed_link' },
        { action: 'update', role: 'system:patient-link', patient_id: v.patientId, resource_type: 'appointment' },
      ]),
    );
  });

  it('a used link is refused (410) and cannot act again', async () => {
    const v = await remindedVisit();
    expect((await f.postLink(v.confirm, 'confirm')).statusCode).toBe(200);
    const again = await f.postLink(v.confirm, 'confirm');
    expect(again.statusCode).toBe(410);
    expect(again.body).toContain('already been used');
    expect((await t.app.inject({ method: 'GET', url: v.confirm })).statusCode).toBe(410);
  });

  it('cancel cancels with reason patient; a link used for another purpose is refused (400)', async () => {
    const v = await remindedVisit();
    const wrong = await f.postLink(v.cancel, 'confirm');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('cannot do that');
    expect((await f.postLink(v.confirm, 'cancel')).statusCode).toBe(400);
    expect((await status(v.apptId)).status).toBe('scheduled');
    const done = await f.postLink(v.cancel, 'cancel');
    expect(done.statusCode, done.body).toBe(200);
    expect(await status(v.apptId)).toEqual({ status: 'cancelled', cancel_reason: 'patient' });
    // The confirm link of a cancelled visit can no longer act.
    expect((await f.postLink(v.confirm, 'confirm')).statusCode).toBe(409);
  });

  it('forged tokens are refused (403)', async () => {
    const v = await remindedVisit();
    const token = v.confirm.slice('/r/'.length);
    const [body, mac] = token.split('.') as [string, string];
    const flipped = `${mac.slice(0, 5)}${mac[5] === 'A' ? 'B' : 'A'}${mac.slice(6)}`;
    // The body of the cancel link under the confirm link's signature.
    const otherBody = v.cancel.slice('/r/'.length).split('.')[0] as string;
    for (const forged of [`${body}.${flipped}`, `${otherBody}.${mac}`, 'not-a-token', `${body}.${'A'.repeat(22)}`]) {
      const res = await f.postLink(`/r/${forged}`, 'confirm');
      expect(res.statusCode, forged).toBe(403);
      expect(res.body).toContain('not valid');
      expect((await t.app.inject({ method: 'GET', url: `/r/${forged}` })).statusCode).toBe(403);
    }
    expect((await status(v.apptId)).status).toBe('scheduled');
  });

  it('links expire at the start of the visit (410)', async () => {
    const v = await remindedVisit();
    clock.set('2026-03-03T14:00:01Z');
    const res = await f.postLink(v.cancel, 'cancel');
    expect(res.statusCode).toBe(410);
    expect(res.body).toContain('expired');
    expect((await t.app.inject({ method: 'GET', url: v.confirm })).statusCode).toBe(410);
    expect((await status(v.apptId)).status).toBe('scheduled');
  });
});
