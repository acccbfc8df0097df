/**
 * Hiring: the stage rules (one step at a time, out with a reason, final stages final), a hire
 * opening the onboarding and filling the position at its openings, "Create account" (identity's
 * invite with the position's role at its location only, training's onboarding set, staff's
 * profile; once, even under concurrent clicks; identity's privilege guard; an email in use),
 * another practice's objects, a manager limited to one location, and the dashboard's hiring
 * figures (what is counted, where, and for whom).
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it, vi } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York (the factory's first location, East).
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });

type Role = 'admin' | 'office_manager' | 'front_desk' | 'biller' | 'clinician' | 'nurse';
type Item = { id: string; kind: string; label: string; done: boolean; detail: string | null; doneBy: string | null };

let n = 0;
const uniq = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

async function position(org: TestOrg, body: Record<string, unknown> = {}, as: Role = 'office_manager', headers?: Record<string, string>) {
  const res = await t.as(org, as).post(
    '/api/positions',
    {
      title: 'Patient services representative',
      locationId: org.locationId,
      role: 'front_desk',
      employmentType: 'full_time',
      hiringManagerId: org.users.office_manager.id,
      ...body,
    },
    headers,
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    status: string;
    openings: number;
    hired: number;
    version: number;
    stageCounts: Record<string, number>;
  };
}

async function applicant(org: TestOrg, positionId: string, body: Record<string, unknown> = {}, as: Role = 'office_manager') {
  const res = await t.as(org, as).post('/api/applicants', {
    name: 'Keisha Morgan',
    email: `keisha.${uniq()}@example.test`,
    phone: '(617) 555-0191',
    source: 'referral',
    positionId,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; email: string; stage: string };
}

async function move(org: TestOrg, id: string, body: Record<string, unknown>, as: Role = 'office_manager') {
  return t.as(org, as).post(`/api/applicants/${id}/stage`, body);
}

/** Through every stage to hired; answers the onboarding id. */
async function hire(org: TestOrg, id: string, as: Role = 'office_manager'): Promise<string> {
  for (const stage of ['screening', 'interview', 'offer', 'hired']) {
    const res = await move(org, id, { stage }, as);
    expect(res.statusCode, res.body).toBe(200);
  }
  const res = await t.as(org, as).get(`/api/applicants/${id}`);
  return res.json().onboardingId as string;
}

/**
 * A role written to user_roles reaches an already signed-in user's cached session by the
 * database's notice, which can arrive after the next request: retry `check` until it has.
 */
const afterRoleChange = (check: () => Promise<unknown>) => vi.waitFor(check, { timeout: 10_000, interval: 50 });

describe('hiring', () => {
  it('moves applicants one stage at a time, out with a reason, and keeps the history', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const p = await position(org);
    const a = await applicant(org, p.id);
    expect(a.stage).toBe('applied');

    const skip = await move(org, a.id, { stage: 'offer' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json()).toMatchObject({ code: 'ILLEGAL_TRANSITION', from: 'applied', to: 'offer' });
    const early = await move(org, a.id, { stage: 'screening', interviewAt: '2026-03-05T10:00' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('interviewAt');
    expect((await move(org, a.id, { stage: 'screening', note: 'Phone screen: good' })).statusCode).toBe(200);
    // A local time at the position's location (New York, EST): 10:00 is 15:00Z.
    const interview = await move(org, a.id, { stage: 'interview', interviewAt: '2026-03-05T10:00' });
    expect(interview.statusCode, interview.body).toBe(200);
    expect(interview.json()).toMatchObject({ stage: 'interview', interviewAt: '2026-03-05T15:00:00.000Z' });

    const noReason = await move(org, a.id, { stage: 'withdrawn' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().errors[0].path).toBe('reason');
    const out = await move(org, a.id, { stage: 'withdrawn', reason: 'Took another job' });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toMatchObject({ stage: 'withdrawn', reason: 'Took another job', nextStages: [] });
    const back = await move(org, a.id, { stage: 'screening' });
    expect(back.statusCode).toBe(409);
    expect(back.json().code).toBe('ILLEGAL_TRANSITION');

    const detail = (await om.get(`/api/applicants/${a.id}`)).json();
    expect(detail.history.map((h: { fromStage: string | null; toStage: string }) => [h.fromStage, h.toStage])).toEqual([
      [null, 'applied'],
      ['applied', 'screening'],
      ['screening', 'interview'],
      ['interview', 'withdrawn'],
    ]);
    expect(detail.history[1]).toMatchObject({ note: 'Phone screen: good', movedBy: org.users.office_manager.id });
    expect(detail.history[3]).toMatchObject({ reason: 'Took another job' });
    const counts = (await om.get(`/api/positions/${p.id}`)).json().stageCounts;
    expect(counts).toMatchObject({ applied: 0, withdrawn: 1 });
    expect((await om.get(`/api/applicants?positionId=${p.id}&stage=withdrawn`)).json().items.map((x: { id: string }) => x.id)).toEqual([
      a.id,
    ]);

    // Applicant data is HR data: managers only. Every stage move is audited.
    for (const role of ['front_desk', 'nurse', 'clinician', 'biller'] as const) {
      expect((await t.as(org, role).get('/api/applicants')).statusCode).toBe(403);
      expect((await t.as(org, role).post(`/api/applicants/${a.id}/stage`, { stage: 'screening' })).statusCode).toBe(403);
    }
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'resource_type'])
      .where('organization_id', '=', org.id)
      .where('resource_id', '=', a.id)
      .execute();
    expect(audit.filter((r) => r.resource_type === 'applicant_stage')).toHaveLength(3);
    expect(audit.filter((r) => r.action === 'read' && r.resource_type === 'applicant')).toHaveLength(1);
  });

  it('edits an applicant: the interview rescheduled, another position while in the pipeline, stale versions refused', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const first = await position(org);
    const second = await position(org, { title: 'Receptionist (West)', locationId: org.secondLocationId });
    const a = await applicant(org, first.id);
    const early = await om.patch(`/api/applicants/${a.id}`, { interviewAt: '2026-03-09T09:00' }, { 'if-match': '"1"' });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].path).toBe('interviewAt');
    const moved = await om.patch(`/api/applicants/${a.id}`, { positionId: second.id, notes: 'Prefers Denver' }, { 'if-match': '"1"' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ positionId: second.id, locationId: org.secondLocationId, notes: 'Prefers Denver', version: 2 });
    expect((await om.patch(`/api/applicants/${a.id}`, { notes: 'stale' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    for (const stage of ['screening', 'interview']) expect((await move(org, a.id, { stage })).statusCode).toBe(200);
    // Now a local time at the new position's location (Denver, on daylight time since the 8th): 09:00 is 15:00Z.
    const when = await om.patch(`/api/applicants/${a.id}`, { interviewAt: '2026-03-09T09:00' }, { 'if-match': '"4"' });
    expect(when.statusCode, when.body).toBe(200);
    expect(when.json().interviewAt).toBe('2026-03-09T15:00:00.000Z');
    expect((await move(org, a.id, { stage: 'rejected', reason: 'Hours do not suit' })).statusCode).toBe(200);
    const late = await om.patch(`/api/applicants/${a.id}`, { positionId: first.id }, { 'if-match': '"6"' });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0].path).toBe('positionId');

    // A position on hold takes applicants but no hires.
    const held = await om.patch(`/api/positions/${second.id}`, { status: 'on_hold' }, { 'if-match': `"${second.version}"` });
    expect(held.json().status).toBe('on_hold');
    const b = await applicant(org, second.id);
    for (const stage of ['screening', 'interview', 'offer']) expect((await move(org, b.id, { stage })).statusCode).toBe(200);
    expect((await move(org, b.id, { stage: 'hired' })).statusCode).toBe(409);
  });

  it('a hire opens the onboarding and the hires fill the position at its openings', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const p = await position(org, { openings: 2 });
    const [a, b, c] = [await applicant(org, p.id), await applicant(org, p.id), await applicant(org, p.id)];
    const onboardingId = await hire(org, a.id);
    const onboarding = (await om.get(`/api/onboardings/${onboardingId}`)).json();
    expect(onboarding).toMatchObject({ applicantId: a.id, positionId: p.id, userId: null, complete: false });
    expect(onboarding.items.filter((i: Item) => i.kind === 'system').map((i: Item) => [i.id, i.done])).toEqual([
      ['account', false],
      ['roles', false],
      ['training', false],
      ['profile', false],
    ]);
    expect(onboarding.items.filter((i: Item) => i.kind === 'manual').map((i: Item) => i.label)).toContain(
      'I-9 employment eligibility verified',
    );
    expect((await om.get(`/api/positions/${p.id}`)).json()).toMatchObject({ status: 'open', hired: 1 });

    await hire(org, b.id);
    const filled = (await om.get(`/api/positions/${p.id}`)).json();
    expect(filled).toMatchObject({ status: 'filled', hired: 2 });
    expect(filled.filledAt).not.toBeNull();
    for (const stage of ['screening', 'interview', 'offer']) expect((await move(org, c.id, { stage })).statusCode).toBe(200);
    const full = await move(org, c.id, { stage: 'hired' });
    expect(full.statusCode).toBe(409);
    expect(full.json().code).toBe('CONFLICT');
    expect((await om.get(`/api/applicants/${c.id}`)).json().stage).toBe('offer');
    expect((await om.get('/api/onboardings')).json().items).toHaveLength(2);

    // Fewer openings than hires: refused; one more opening reopens the position.
    const lower = await om.patch(`/api/positions/${p.id}`, { openings: 1 }, { 'if-match': `"${filled.version}"` });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().errors[0].path).toBe('openings');
    const more = await om.patch(`/api/positions/${p.id}`, { openings: 3 }, { 'if-match': `"${filled.version}"` });
    expect(more.statusCode, more.body).toBe(200);
    expect(more.json()).toMatchObject({ status: 'open', filledAt: null });
    expect((await move(org, c.id, { stage: 'hired' })).statusCode).toBe(200);
    expect((await om.get(`/api/positions/${p.id}`)).json()).toMatchObject({ status: 'filled', hired: 3 });
  });

  it('creating the account invites the hire with the role at that location only, assigns the training set and fills the profile', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const itemRes = await om.post('/api/training-items', {
      title: 'HIPAA annual',
      kind: 'training',
      category: 'hipaa',
      dueWithinDays: 30,
      onboarding: true,
    });
    expect(itemRes.statusCode, itemRes.body).toBe(201);
    const p = await position(org, { title: 'Front desk lead' });
    const a = await applicant(org, p.id, { name: 'Daniel Okafor' });
    const onboardingId = await hire(org, a.id);

    // A checklist item of the practice's own: added, ticked (who and when), unticked.
    const added = await om.post(`/api/onboardings/${onboardingId}/items`, { label: 'Parking permit issued' });
    expect(added.statusCode, added.body).toBe(201);
    const permit = added.json().items.find((i: Item) => i.label === 'Parking permit issued') as Item;
    const twice = await om.post(`/api/onboardings/${onboardingId}/items`, { label: 'Parking permit issued' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().errors[0].path).toBe('label');
    const ticked = await om.patch(`/api/onboardings/${onboardingId}/items/${permit.id}`, { done: true });
    expect(ticked.json().items.find((i: Item) => i.id === permit.id)).toMatchObject({ done: true, doneBy: org.users.office_manager.id });
    const unticked = await om.patch(`/api/onboardings/${onboardingId}/items/${permit.id}`, { done: false });
    expect(unticked.json().items.find((i: Item) => i.id === permit.id)).toMatchObject({ done: false, doneBy: null });

    const res = await om.post(`/api/onboardings/${onboardingId}/account`, {}, { 'x-location-id': org.locationId });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.invite.url).toMatch(/invite/);
    const userId = body.onboarding.userId as string;
    expect(body.onboarding.items.filter((i: Item) => i.kind === 'system').map((i: Item) => [i.id, i.done])).toEqual([
      ['account', true],
      ['roles', true],
      ['training', true],
      ['profile', true],
    ]);
    expect(body.onboarding.items.find((i: Item) => i.id === 'training').detail).toBe('1 item assigned, 0 completed');

    const user = (await t.as(org, 'admin').get(`/api/users/${userId}`)).json();
    expect(user).toMatchObject({ email: a.email, displayName: 'Daniel Okafor', hasPassword: false });
    expect(user.roles).toEqual([{ role: 'front_desk', locationId: org.locationId }]);
    const training = (await om.get(`/api/training-assignments?userId=${userId}`)).json().items;
    expect(training.map((x: { itemId: string; source: string; dueOn: string }) => [x.itemId, x.source, x.dueOn])).toEqual([
      [itemRes.json().id, 'onboarding', '2026-04-01'],
    ]);
    const profile = (await om.get(`/api/staff/${userId}`)).json();
    expect(profile).toMatchObject({
      jobTitle: 'Front desk lead',
      locationId: org.locationId,
      supervisorId: org.users.office_manager.id,
      hr: { hireDate: '2026-03-02' },
    });

    const again = await om.post(`/api/onboardings/${onboardingId}/account`, {});
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'CONFLICT', userId });
  });

  it('two managers creating the account at once make one account', async () => {
    const org = await t.newOrg();
    const p = await position(org);
    const a = await applicant(org, p.id);
    const onboardingId = await hire(org, a.id);
    const [one, two] = await Promise.all([
      t.as(org, 'office_manager').post(`/api/onboardings/${onboardingId}/account`, {}),
      t.as(org, 'admin').post(`/api/onboardings/${onboardingId}/account`, {}),
    ]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([201, 409]);
    // The loser waited on the onboarding's lock and found the account made (not a unique-email clash).
    expect((one.statusCode === 409 ? one : two).json()).toMatchObject({ code: 'CONFLICT' });
    const accounts = await t.db.selectFrom('users').select('id').where('email', '=', a.email).execute();
    expect(accounts).toHaveLength(1);
    const created = (one.statusCode === 201 ? one : two).json();
    expect(created.onboarding.userId).toBe(accounts[0]?.id);
  });

  it('nobody hires into a role beyond their own, and an email in use is refused naming email', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    // An office manager cannot open an administrator's position, nor create a nurse's account (clinical permissions).
    const adminPos = await om.post('/api/positions', {
      title: 'Practice administrator',
      locationId: org.locationId,
      role: 'admin',
      employmentType: 'full_time',
      hiringManagerId: org.users.admin.id,
    });
    expect(adminPos.statusCode).toBe(403);
    const nursePos = await om.post('/api/positions', {
      title: 'Registered nurse',
      locationId: org.locationId,
      role: 'nurse',
      employmentType: 'full_time',
      hiringManagerId: org.users.office_manager.id,
    });
    expect(nursePos.statusCode).toBe(403);
    const p = await position(org, { role: 'admin', title: 'IT administrator', hiringManagerId: org.users.admin.id }, 'admin');
    const a = await applicant(org, p.id, {}, 'admin');
    const onboardingId = await hire(org, a.id, 'admin');
    const refused = await om.post(`/api/onboardings/${onboardingId}/account`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('FORBIDDEN');
    expect(await t.db.selectFrom('users').select('id').where('email', '=', a.email).execute()).toEqual([]);
    expect((await om.get(`/api/onboardings/${onboardingId}`)).json().userId).toBeNull();
    expect((await t.as(org, 'admin').post(`/api/onboardings/${onboardingId}/account`, {})).statusCode).toBe(201);

    const taken = await applicant(org, (await position(org)).id, { email: org.users.nurse.email });
    const takenOnboarding = await hire(org, taken.id);
    const clash = await om.post(`/api/onboardings/${takenOnboarding}/account`, {});
    expect(clash.statusCode).toBe(409);
    expect(clash.json().errors[0].path).toBe('email');
    expect((await om.get(`/api/onboardings/${takenOnboarding}`)).json().userId).toBeNull();
  });

  it("another practice's positions, applicants and onboardings answer 404", async () => {
    const mine = await t.newOrg();
    const other = await t.newOrg();
    const theirPos = await position(other);
    const theirApplicant = await applicant(other, theirPos.id);
    const theirOnboarding = await hire(other, (await applicant(other, theirPos.id)).id);
    const theirItem = ((await t.as(other, 'office_manager').get(`/api/onboardings/${theirOnboarding}`)).json().items as Item[]).find(
      (i) => i.kind === 'manual',
    ) as Item;
    const om = t.as(mine, 'office_manager');
    expect((await om.get(`/api/positions/${theirPos.id}`)).statusCode).toBe(404);
    expect((await om.patch(`/api/positions/${theirPos.id}`, { openings: 3 }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await om.get(`/api/applicants/${theirApplicant.id}`)).statusCode).toBe(404);
    expect((await om.patch(`/api/applicants/${theirApplicant.id}`, { notes: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await om.post(`/api/applicants/${theirApplicant.id}/stage`, { stage: 'screening' })).statusCode).toBe(404);
    expect((await om.get(`/api/onboardings/${theirOnboarding}`)).statusCode).toBe(404);
    expect((await om.post(`/api/onboardings/${theirOnboarding}/items`, { label: 'x' })).statusCode).toBe(404);
    expect((await om.patch(`/api/onboardings/${theirOnboarding}/items/${theirItem.id}`, { done: true })).statusCode).toBe(404);
    expect((await om.post(`/api/onboardings/${theirOnboarding}/account`, {})).statusCode).toBe(404);
    // Their position in my body, their hiring manager in mine; and my lists hold none of theirs.
    const wrongPos = await om.post('/api/applicants', { name: 'X', email: 'x@example.test', source: 'other', positionId: theirPos.id });
    expect(wrongPos.statusCode).toBe(400);
    expect(wrongPos.json().errors[0].path).toBe('positionId');
    const wrongManager = await om.post('/api/positions', {
      title: 'X',
      role: 'front_desk',
      employmentType: 'contract',
      hiringManagerId: other.users.office_manager.id,
    });
    expect(wrongManager.statusCode).toBe(400);
    expect(wrongManager.json().errors[0].path).toBe('hiringManagerId');
    const myItem = await onboardingItemOf(mine);
    expect((await om.patch(`/api/onboardings/${myItem.onboardingId}/items/${theirItem.id}`, { done: true })).statusCode).toBe(404);
    expect((await om.get('/api/positions?status=all')).json().items.map((x: { id: string }) => x.id)).toEqual([myItem.positionId]);
    expect((await om.get('/api/applicants')).json().items).toHaveLength(1);
    expect((await om.get('/api/onboardings?status=all')).json().items.map((x: { id: string }) => x.id)).toEqual([myItem.onboardingId]);
  });

  it('a manager granted at one location sees and manages only its positions, applicants and onboardings', async () => {
    const org = await t.newOrg();
    const east = await position(org, { title: 'East receptionist' });
    const west = await position(org, { title: 'West receptionist', locationId: org.secondLocationId });
    const eastApplicant = await applicant(org, east.id);
    const westApplicant = await applicant(org, west.id);
    const westOnboarding = await hire(org, (await applicant(org, west.id)).id);
    await t.db.deleteFrom('user_roles').where('user_id', '=', org.users.office_manager.id).execute();
    await t.db
      .insertInto('user_roles')
      .values({ organization_id: org.id, user_id: org.users.office_manager.id, role: 'office_manager', location_id: org.locationId })
      .execute();
    const h = { 'x-location-id': org.locationId };
    const om = t.as(org, 'office_manager');
    await afterRoleChange(async () =>
      expect((await om.get('/api/positions', h)).json().items.map((x: { id: string }) => x.id)).toEqual([east.id]),
    );
    expect((await om.get('/api/applicants', h)).json().items.map((x: { id: string }) => x.id)).toEqual([eastApplicant.id]);
    expect((await om.get('/api/onboardings?status=all', h)).json().items).toEqual([]);
    expect((await om.get(`/api/positions/${west.id}`, h)).statusCode).toBe(404);
    expect((await om.get(`/api/applicants/${westApplicant.id}`, h)).statusCode).toBe(404);
    expect((await om.post(`/api/applicants/${westApplicant.id}/stage`, { stage: 'screening' }, h)).statusCode).toBe(404);
    expect((await om.get(`/api/onboardings/${westOnboarding}`, h)).statusCode).toBe(404);
    expect((await om.post(`/api/onboardings/${westOnboarding}/account`, {}, h)).statusCode).toBe(404);
    expect((await om.get(`/api/applicants?locationId=${org.secondLocationId}`, h)).statusCode).toBe(404);
    const there = await om.post(
      '/api/positions',
      {
        title: 'X',
        locationId: org.secondLocationId,
        role: 'front_desk',
        employmentType: 'full_time',
        hiringManagerId: org.users.admin.id,
      },
      h,
    );
    expect(there.statusCode).toBe(400);
    expect(there.json().errors[0].path).toBe('locationId');
    // Without choosing the location, the limited role grants nothing.
    expect((await om.get('/api/positions')).statusCode).toBe(403);

    // At its own location it hires and creates the account, granted there only.
    const onboardingId = await hireWith(org, eastApplicant.id, h);
    const res = await om.post(`/api/onboardings/${onboardingId}/account`, {}, h);
    expect(res.statusCode, res.body).toBe(201);
    const user = (await t.as(org, 'admin').get(`/api/users/${res.json().onboarding.userId}`)).json();
    expect(user.roles).toEqual([{ role: 'front_desk', locationId: org.locationId }]);
    expect((await om.get(`/api/staff/${user.id}`, h)).json()).toMatchObject({ locationId: org.locationId });
  });

  it("counts the dashboard's hiring figures at a location: positions, places to fill, the pipeline by stage, interviews this week", async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const h = { 'if-match': '"1"' };
    // East: an open position for two, one hired; applicants at every stage of the pipeline.
    const open = await position(org, { openings: 2 });
    await hire(org, (await applicant(org, open.id)).id);
    await applicant(org, open.id); // applied
    const screening = await applicant(org, open.id);
    expect((await move(org, screening.id, { stage: 'screening' })).statusCode).toBe(200);
    // Interviews on Thursday (within the week) and in twelve days (not).
    for (const interviewAt of ['2026-03-05T10:00', '2026-03-14T10:00']) {
      const a = await applicant(org, open.id);
      expect((await move(org, a.id, { stage: 'screening' })).statusCode).toBe(200);
      expect((await move(org, a.id, { stage: 'interview', interviewAt })).statusCode).toBe(200);
    }
    const offered = await applicant(org, open.id);
    for (const stage of ['screening', 'interview', 'offer']) expect((await move(org, offered.id, { stage })).statusCode).toBe(200);
    const out = await applicant(org, open.id);
    expect((await move(org, out.id, { stage: 'rejected', reason: 'No licence' })).statusCode).toBe(200);
    // On hold: its applicant still counts; closed: its applicant does not.
    const held = await position(org, { title: 'Receptionist (evenings)' });
    await applicant(org, held.id);
    expect((await om.patch(`/api/positions/${held.id}`, { status: 'on_hold' }, h)).statusCode).toBe(200);
    const closed = await position(org, { title: 'Receptionist (weekends)' });
    await applicant(org, closed.id);
    expect((await om.patch(`/api/positions/${closed.id}`, { status: 'closed' }, h)).statusCode).toBe(200);
    // West: not counted at East.
    await applicant(org, (await position(org, { title: 'West receptionist', locationId: org.secondLocationId })).id);
    // Another practice's pipeline is never counted.
    const other = await t.newOrg();
    const theirs = await position(other);
    await applicant(other, theirs.id);

    const east = await om.get(`/api/dashboard?locationId=${org.locationId}`);
    expect(east.statusCode, east.body).toBe(200);
    expect(east.json().hiring).toEqual({
      openPositions: 1,
      onHoldPositions: 1,
      openingsToFill: 1,
      applied: 2,
      screening: 1,
      interview: 2,
      offer: 1,
      interviewsSoon: 1,
      interviewDays: 7,
    });
    const csv = (await om.get(`/api/dashboard?locationId=${org.locationId}&format=csv`)).body.split('\r\n');
    expect(csv).toEqual(expect.arrayContaining(['hiring,openPositions,1', 'hiring,openingsToFill,1', 'hiring,interviewsSoon,1']));
    // Every location: West's position and applicant too.
    const all = (await om.get('/api/dashboard?scope=all')).json().hiring;
    expect(all).toMatchObject({ openPositions: 2, openingsToFill: 2, applied: 3 });
    // The biller reads the dashboard but not hiring: no section.
    const biller = await t.as(org, 'biller').get(`/api/dashboard?locationId=${org.locationId}`);
    expect(biller.statusCode).toBe(200);
    expect(biller.json().hiring).toBeNull();
    // Made office manager at East only, the biller (reports practice-wide) gets East's figures, and none at West.
    await t.db
      .insertInto('user_roles')
      .values({ organization_id: org.id, user_id: org.users.biller.id, role: 'office_manager', location_id: org.locationId })
      .execute();
    await afterRoleChange(async () => {
      const atEast = await t.as(org, 'biller').get(`/api/dashboard?locationId=${org.locationId}`, { 'x-location-id': org.locationId });
      expect(atEast.json().hiring).toMatchObject({ openPositions: 1, applied: 2 });
    });
    const atWest = await t.as(org, 'biller').get(`/api/dashboard?locationId=${org.secondLocationId}`, { 'x-location-id': org.locationId });
    expect(atWest.statusCode).toBe(200);
    expect(atWest.json().hiring).toBeNull();
  });
});
async function hireWith(org: TestOrg, id: string, headers: Record<string, string>): Promise<string> {
  for (const stage of ['screening', 'interview', 'offer', 'hired']) {
    const res = await t.as(org, 'office_manager').post(`/api/applicants/${id}/stage`, { stage }, headers);
    expect(res.statusCode, res.body).toBe(200);
  }
  return (await t.as(org, 'office_manager').get(`/api/applicants/${id}`, headers)).json().onboardingId as string;
}

async function onboardingItemOf(org: TestOrg): Promise<{ positionId: string; onboardingId: string }> {
  const p = await position(org);
  const onboardingId = await hire(org, (await applicant(org, p.id)).id);
  return { positionId: p.id, onboardingId };
}
