/**
 * Recall campaigns: each member's stages by consent and contact (email first where agreed, a
 * text-only patient starting at the text, nobody to reach becoming unreachable, a letter where
 * only the post is left), the text after its wait on the test clock, a booking stopping the
 * stages, two runners at once never sending a stage twice, the report's figures, the PHI audit,
 * a recall in one open campaign at a time, and another practice's real campaign answering 404.
 */
import { runCampaignStagesNow } from '@domain/campaigns/index.ts';
import { createSession } from '@domain/identity/sessions.ts';
import type { Role } from '@domain/access/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York.
const START = '2026-03-02T15:00:00Z';
const clock = new FakeClock(START);
const t = await createTestApp({ clock });
const DAY = 86_400_000;
let numbers = 0;
const freshNumber = () => `+1303777${String(1000 + ++numbers).padStart(4, '0')}`;

beforeEach(() => clock.set(START));

/** Requests as `role` with a session started now (the fake clock moves days in this file). */
function as(org: TestOrg, role: Role) {
  const send = async (method: 'GET' | 'POST' | 'PATCH', url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const s = await createSession(t.db, clock, { userId: org.users[role].id, organizationId: org.id, ip: null, userAgent: null });
    return t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${s.token}`, ...headers },
      ...(body !== undefined ? { payload: body as object } : {}),
    });
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    patch: (url: string, body: unknown, version?: number) => send('PATCH', url, body, version ? { 'if-match': `"${version}"` } : {}),
  };
}

/** A practice whose SMS account is set up (texts are only queued here, never sent) with a recall letter template. */
async function practice(): Promise<{ org: TestOrg; templateId: string }> {
  const org = await t.newOrg();
  const settings = await as(org, 'admin').patch('/api/comms/settings', {
    publicUrl: 'https://desk.clinic.example',
    smsAccountSid: `AC${'1'.repeat(32)}`,
    smsAuthToken: 'token-token-token',
    smsFromNumber: freshNumber(),
    smsApiBaseUrl: 'http://127.0.0.1:9',
  });
  expect(settings.statusCode, settings.body).toBe(200);
  const template = await as(org, 'office_manager').post('/api/letter-templates', {
    name: 'Recall reminder',
    body: 'Dear {{patient.firstName}},\n\nYou are due for a visit. Please call us to book.',
    kind: 'batch',
  });
  expect(template.statusCode, template.body).toBe(201);
  return { org, templateId: template.json().id };
}

interface Reach {
  email?: boolean;
  sms?: boolean;
  post?: boolean;
}

/** A patient with the consents and contacts asked for, and an overdue annual physical. */
async function patientWithRecall(org: TestOrg, reach: Reach, dueDate = '2026-02-01'): Promise<{ patientId: string; recallId: string }> {
  const patientId = await newPatient(t.db, org);
  await t.db
    .updateTable('patients')
    .set({
      email: reach.email ? `p${patientId.slice(0, 8)}@example.org` : null,
      consent_email_reminders: Boolean(reach.email),
      phones: JSON.stringify(reach.sms ? [{ type: 'mobile', number: freshNumber() }] : []),
      consent_sms_reminders: Boolean(reach.sms),
      address: reach.post ? JSON.stringify({ line1: '1 Main St', city: 'Denver', state: 'CO', postalCode: '80202' }) : null,
    })
    .where('id', '=', patientId)
    .execute();
  const res = await as(org, 'front_desk').post(`/api/patients/${patientId}/recalls`, { recallType: 'annual_physical', dueDate });
  expect(res.statusCode, res.body).toBe(201);
  return { patientId, recallId: res.json().id };
}

async function startCampaign(org: TestOrg, templateId: string | null, extra: Record<string, unknown> = {}) {
  const om = as(org, 'office_manager');
  const created = await om.post('/api/campaigns', {
    name: 'Overdue physicals',
    recallTypes: ['annual_physical'],
    dueOnOrBefore: '2026-03-01',
    letterTemplateId: templateId,
    ...extra,
  });
  expect(created.statusCode, created.body).toBe(201);
  const started = await om.patch(`/api/campaigns/${created.json().id}`, { status: 'running' }, created.json().version);
  expect(started.statusCode, started.body).toBe(200);
  return started.json() as { id: string; enrolled: number; version: number; capped: boolean };
}

const run = (org: TestOrg) => runCampaignStagesNow(t.db, clock, t.installation, org.id);

async function memberOf(campaignId: string, recallId: string) {
  const m = await t.db
    .selectFrom('recall_campaign_members')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('recall_id', '=', recallId)
    .executeTakeFirstOrThrow();
  const sends = await t.db
    .selectFrom('recall_campaign_sends')
    .select(['stage', 'outcome', 'message_id', 'letter_id'])
    .where('member_id', '=', m.id)
    .orderBy('created_at')
    .execute();
  return { ...m, sends: Object.fromEntries(sends.map((s) => [s.stage, s.outcome])), rows: sends };
}

describe('recall campaign stages', () => {
  it('goes by consent: email first, a text-only patient starts at the text, the post alone gets the letter, nobody to reach is unreachable', async () => {
    const { org, templateId } = await practice();
    const emailAndText = await patientWithRecall(org, { email: true, sms: true, post: true });
    const textOnly = await patientWithRecall(org, { sms: true });
    const postOnly = await patientWithRecall(org, { post: true });
    const nobody = await patientWithRecall(org, {});
    const notDue = await patientWithRecall(org, { email: true }, '2026-04-01');

    const preview = await as(org, 'office_manager').post('/api/campaigns/preview', {
      recallTypes: ['annual_physical'],
      dueOnOrBefore: '2026-03-01',
    });
    expect(preview.json()).toEqual({ matching: 4, wouldEnroll: 4, enrolmentCap: 5000 });
    const campaign = await startCampaign(org, templateId);
    expect(campaign).toMatchObject({ enrolled: 4, capped: false });
    expect(await run(org)).toBe(4);

    const a = await memberOf(campaign.id, emailAndText.recallId);
    expect(a.sends).toEqual({ email: 'sent' });
    expect(a).toMatchObject({ stage: 'sms', response: 'none' });
    expect(a.next_stage_at?.toISOString()).toBe(new Date(Date.parse(START) + 7 * DAY).toISOString());
    const email = await t.db
      .selectFrom('messages')
      .select(['kind', 'channel', 'to_address', 'status', 'body'])
      .where('id', '=', a.rows[0]?.message_id as string)
      .executeTakeFirstOrThrow();
    expect(email).toMatchObject({
      kind: 'recall',
      channel: 'email',
      to_address: expect.stringContaining('@example.org'),
      status: 'queued',
    });
    expect(email.body).toContain('annual physical');

    const b = await memberOf(campaign.id, textOnly.recallId);
    expect(b.sends).toEqual({ email: 'no_consent', sms: 'sent' });
    expect(b).toMatchObject({ stage: 'letter', response: 'none' });
    const text = await t.db
      .selectFrom('messages')
      .select(['channel', 'kind'])
      .where('id', '=', b.rows[1]?.message_id as string)
      .executeTakeFirstOrThrow();
    expect(text).toEqual({ channel: 'sms', kind: 'recall' });

    const c = await memberOf(campaign.id, postOnly.recallId);
    expect(c.sends).toEqual({ email: 'no_consent', sms: 'no_consent', letter: 'sent' });
    expect(c).toMatchObject({ stage: 'done', response: 'none', next_stage_at: null });
    const letter = await t.db
      .selectFrom('letters')
      .select(['patient_id', 'template_id'])
      .where('id', '=', c.rows[2]?.letter_id as string)
      .executeTakeFirstOrThrow();
    expect(letter).toEqual({ patient_id: postOnly.patientId, template_id: templateId });

    const d = await memberOf(campaign.id, nobody.recallId);
    expect(d.sends).toEqual({ email: 'no_consent', sms: 'no_consent', letter: 'no_contact' });
    expect(d).toMatchObject({ stage: 'done', response: 'unreachable' });

    // Each sending is on the recall's contact log (and the recall is contacted); the one not due is untouched.
    const contacts = await as(org, 'front_desk').get(`/api/recalls/${emailAndText.recallId}/contacts`);
    expect(contacts.json().items.map((x: { method: string; outcome: string }) => [x.method, x.outcome])).toEqual([
      ['email', 'left_message'],
    ]);
    const notDueMember = await t.db.selectFrom('recall_campaign_members').select('id').where('recall_id', '=', notDue.recallId).execute();
    expect(notDueMember).toEqual([]);

    // The text waits its seven days: nothing on day 6, the text on day 7.
    clock.set(new Date(Date.parse(START) + 6 * DAY).toISOString());
    expect(await run(org)).toBe(0);
    clock.set(new Date(Date.parse(START) + 7 * DAY).toISOString());
    expect(await run(org)).toBe(2);
    expect((await memberOf(campaign.id, emailAndText.recallId)).sends).toEqual({ email: 'sent', sms: 'sent' });
    expect((await memberOf(campaign.id, textOnly.recallId)).sends).toEqual({ email: 'no_consent', sms: 'sent', letter: 'no_contact' });

    // The report counts all of it, as JSON and as CSV.
    const report = await as(org, 'front_desk').get(`/api/campaigns/${campaign.id}/report`);
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({
      enrolled: 4,
      stages: [
        { stage: 'email', sent: 1, noConsent: 3, noContact: 0 },
        { stage: 'sms', sent: 2, noConsent: 2, noContact: 0 },
        { stage: 'letter', sent: 1, noConsent: 0, noContact: 2 },
      ],
      skipped: { noConsent: 5, noContact: 2 },
      responses: { booked: 0, declined: 0, unreachable: 1, none: 3 },
      inProgress: 1,
      bookedRate: 0,
    });
    const csv = await as(org, 'front_desk').get(`/api/campaigns/${campaign.id}/report.csv`);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('stage,sms,sent,2');
    expect(csv.body).toContain('response,,unreachable,1');
  });

  it('a booking stops the stages: the recall booked from its contact log', async () => {
    const { org, templateId } = await practice();
    const byRecall = await patientWithRecall(org, { email: true, sms: true, post: true });
    const other = await patientWithRecall(org, { email: true, sms: true, post: true });
    const campaign = await startCampaign(org, templateId);
    await run(org);
    const booked = await as(org, 'front_desk').post(`/api/recalls/${byRecall.recallId}/contacts`, {
      method: 'phone',
      outcome: 'booked',
      note: 'Booked for next week',
    });
    expect(booked.statusCode, booked.body).toBe(201);
    expect(await memberOf(campaign.id, byRecall.recallId)).toMatchObject({ response: 'booked', next_stage_at: null });

    clock.set(new Date(Date.parse(START) + 8 * DAY).toISOString());
    expect(await run(org)).toBe(1);
    expect((await memberOf(campaign.id, byRecall.recallId)).sends).toEqual({ email: 'sent' });
    expect((await memberOf(campaign.id, other.recallId)).sends).toEqual({ email: 'sent', sms: 'sent' });

    const report = (await as(org, 'office_manager').get(`/api/campaigns/${campaign.id}/report`)).json();
    expect(report).toMatchObject({ responses: { booked: 1, none: 1 }, bookedRate: 0.5 });
  });

  it('two runners at once never send a stage twice', async () => {
    const { org, templateId } = await practice();
    const recalls = [];
    for (let i = 0; i < 24; i++) recalls.push(await patientWithRecall(org, { email: true }));
    const campaign = await startCampaign(org, templateId);
    const [one, two] = await Promise.all([run(org), run(org)]);
    expect(one + two).toBe(24);
    const sends = await t.db
      .selectFrom('recall_campaign_sends')
      .select(['member_id', 'stage'])
      .where('campaign_id', '=', campaign.id)
      .where('stage', '=', 'email')
      .execute();
    expect(sends.length).toBe(24);
    expect(new Set(sends.map((s) => s.member_id)).size).toBe(24);
    const emails = await t.db
      .selectFrom('messages')
      .select('id')
      .where('organization_id', '=', org.id)
      .where('kind', '=', 'recall')
      .execute();
    expect(emails.length).toBe(24);
    // The database itself refuses a second row for one member's stage.
    const first = sends[0] as { member_id: string };
    await expect(
      t.db
        .insertInto('recall_campaign_sends')
        .values({
          organization_id: org.id,
          campaign_id: campaign.id,
          member_id: first.member_id,
          stage: 'email',
          outcome: 'no_consent',
          created_at: clock.now(),
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await run(org)).toBe(0);
  });
});

describe('recall campaign management', () => {
  it('a recall is in one open campaign at a time; stages are fixed once started; stopping frees the recalls', async () => {
    const { org, templateId } = await practice();
    await patientWithRecall(org, { email: true });
    const om = as(org, 'office_manager');
    const first = await startCampaign(org, templateId);
    expect(first.enrolled).toBe(1);
    const second = await startCampaign(org, null);
    expect(second.enrolled).toBe(0);
    const late = await om.patch(`/api/campaigns/${first.id}`, { smsAfterDays: 3 }, first.version);
    expect(late.statusCode).toBe(409);
    const backwards = await om.post('/api/campaigns', {
      name: 'x',
      recallTypes: ['lab'],
      dueOnOrBefore: '2026-03-01',
      smsAfterDays: 2,
      letterAfterDays: 1,
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].path).toBe('letterAfterDays');
    expect((await om.patch(`/api/campaigns/${first.id}`, { status: 'stopped' })).statusCode).toBe(428);
    const stopped = await om.patch(`/api/campaigns/${first.id}`, { status: 'stopped' }, first.version);
    expect(stopped.json()).toMatchObject({ status: 'stopped' });
    expect((await om.patch(`/api/campaigns/${first.id}`, { status: 'running' }, stopped.json().version)).statusCode).toBe(409);
    const third = await startCampaign(org, null);
    expect(third.enrolled).toBe(1);
  });

  it('the desk records a refusal with a note (audited with the patient); members are PHI in the audit trail; the desk may not run campaigns', async () => {
    const { org, templateId } = await practice();
    const p = await patientWithRecall(org, { email: true });
    const campaign = await startCampaign(org, templateId);
    const fd = as(org, 'front_desk');
    expect((await fd.post('/api/campaigns', { name: 'x', recallTypes: ['lab'], dueOnOrBefore: '2026-03-01' })).statusCode).toBe(403);
    const list = await fd.get(`/api/campaigns/${campaign.id}/members`);
    expect(list.statusCode, list.body).toBe(200);
    const [member] = list.json().items;
    expect(member).toMatchObject({ patientId: p.patientId, recallId: p.recallId, stage: 'email', response: 'none' });
    expect(list.json().nextCursor).toBeNull();
    const declined = await fd.patch(
      `/api/campaigns/${campaign.id}/members/${member.id}`,
      { response: 'declined', note: 'Sees a doctor near her daughter now' },
      member.version,
    );
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ response: 'declined', responseNote: 'Sees a doctor near her daughter now', nextStageAt: null });
    expect(await run(org)).toBe(0);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type', 'patient_id', 'details'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'recall_campaign_member')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => [a.action, a.patient_id])).toEqual([
      ['create', p.patientId],
      ['search', null],
      ['update', p.patientId],
    ]);
    expect(audit[2]?.details).toMatchObject({ response: 'declined', automatic: false });
  });

  it("another practice's real campaign and member answer 404 and stay out of the list", async () => {
    const mine = await practice();
    const theirs = await practice();
    await patientWithRecall(theirs.org, { email: true });
    const foreign = await startCampaign(theirs.org, theirs.templateId);
    const foreignMember = await t.db
      .selectFrom('recall_campaign_members')
      .select(['id', 'version'])
      .where('campaign_id', '=', foreign.id)
      .executeTakeFirstOrThrow();
    const om = as(mine.org, 'office_manager');
    expect((await om.get(`/api/campaigns/${foreign.id}`)).statusCode).toBe(404);
    expect((await om.get(`/api/campaigns/${foreign.id}/members`)).statusCode).toBe(404);
    expect((await om.get(`/api/campaigns/${foreign.id}/report`)).statusCode).toBe(404);
    expect((await om.patch(`/api/campaigns/${foreign.id}`, { status: 'paused' }, foreign.version)).statusCode).toBe(404);
    expect(
      (
        await om.patch(
          `/api/campaigns/${foreign.id}/members/${foreignMember.id}`,
          { response: 'declined', note: '' },
          foreignMember.version,
        )
      ).statusCode,
    ).toBe(404);
    expect((await om.get('/api/campaigns')).json().items.map((c: { id: string }) => c.id)).not.toContain(foreign.id);
    expect((await as(theirs.org, 'office_manager').get(`/api/campaigns/${foreign.id}`)).json()).toMatchObject({ status: 'running' });
  });
});
