/**
 * Training and policies: a new account gets the onboarding set in the transaction that creates
 * it; managers assign items by a due date (twice adds nothing); each person sees and completes
 * their own (evidence required for training, a policy acknowledged); a recurring item assigns
 * its next round; the overdue report lists what is past due per person; another practice's
 * assignments and staff are out of reach.
 */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { commsFixtures } from '../helpers/comms-fixtures.ts';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Monday 2026-03-02 10:00 in New York.
const clock = new FakeClock('2026-03-02T15:00:00Z');
const t = await createTestApp({ clock });
/** Requests with a session started at the fake clock's time (the factory's idle out when the clock moves on). */
const { as } = commsFixtures(t, clock, () => {
  throw new Error('no mail in these tests');
});

async function item(org: TestOrg, body: Record<string, unknown>): Promise<{ id: string }> {
  const res = await t.as(org, 'office_manager').post('/api/training-items', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

type A = { id: string; itemId: string; userId: string; dueOn: string; status: string; source: string; daysOverdue: number };

describe('training', () => {
  it('assigns the onboarding set to a new account in the transaction that creates it', async () => {
    clock.set('2026-03-02T15:00:00Z');
    const org = await t.newOrg();
    const hipaa = await item(org, {
      title: 'HIPAA annual',
      kind: 'training',
      category: 'hipaa',
      dueWithinDays: 30,
      recurrenceMonths: 12,
      onboarding: true,
    });
    const policy = await item(org, { title: 'Acceptable use', kind: 'policy', category: 'policy', dueWithinDays: 7, onboarding: true });
    await item(org, { title: 'OSHA bloodborne pathogens', kind: 'training', category: 'osha' });
    const retired = await item(org, { title: 'Old procedure', kind: 'training', category: 'procedure', onboarding: true });
    expect(
      (await t.as(org, 'office_manager').patch(`/api/training-items/${retired.id}`, { active: false }, { 'if-match': '"1"' })).statusCode,
    ).toBe(200);

    const created = await t.as(org, 'admin').post('/api/users', {
      email: `new-${org.id.slice(0, 8)}@clinic.test`,
      displayName: 'New Colleague',
      roles: [{ role: 'front_desk', locationId: null }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const userId = created.json().user.id;
    const res = await t.as(org, 'office_manager').get(`/api/training-assignments?userId=${userId}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((a: A) => [a.itemId, a.dueOn, a.source])).toEqual([
      [policy.id, '2026-03-09', 'onboarding'],
      [hipaa.id, '2026-04-01', 'onboarding'],
    ]);
  });

  it("dates a new account's onboarding set on the clock of the location it is granted, not the desk's", async () => {
    // 05:30 UTC on March 3: already the 3rd in New York (East), still the 2nd in Denver (West).
    clock.set('2026-03-03T05:30:00Z');
    const org = await t.newOrg();
    const policy = await item(org, { title: 'Acceptable use', kind: 'policy', category: 'policy', dueWithinDays: 7, onboarding: true });
    const admin = await createSession(t.db, clock, { userId: org.users.admin.id, organizationId: org.id, ip: null, userAgent: null });
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/users',
      headers: { authorization: `Bearer ${admin.token}`, 'x-location-id': org.secondLocationId },
      payload: {
        email: `east-${org.id.slice(0, 8)}@clinic.test`,
        displayName: 'East Hire',
        roles: [{ role: 'front_desk', locationId: org.locationId }],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const userId = created.json().user.id;
    const res = await as(org, 'office_manager').get(`/api/training-assignments?userId=${userId}`);
    expect(res.json().items.map((a: A) => [a.itemId, a.dueOn])).toEqual([[policy.id, '2026-03-10']]);
  });

  it('my training, completion with evidence, policy acknowledgement, recurrence, and the overdue report', async () => {
    clock.set('2026-03-02T15:00:00Z');
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const hipaa = await item(org, { title: 'HIPAA annual', kind: 'training', category: 'hipaa', recurrenceMonths: 12 });
    const osha = await item(org, { title: 'OSHA', kind: 'training', category: 'osha' });
    const policy = await item(org, { title: 'Sharps policy', kind: 'policy', category: 'policy' });
    const nurse = org.users.nurse.id;
    const desk = org.users.front_desk.id;

    const assigned = await om.post('/api/training-assignments', { itemId: hipaa.id, userIds: [nurse, desk], dueOn: '2026-03-10' });
    expect(assigned.statusCode, assigned.body).toBe(201);
    expect(assigned.json().assigned).toHaveLength(2);
    const again = await om.post('/api/training-assignments', { itemId: hipaa.id, userIds: [nurse] });
    expect(again.json()).toEqual({ assigned: [], alreadyOpen: [nurse] });
    expect((await om.post('/api/training-assignments', { itemId: osha.id, userIds: [nurse], dueOn: '2026-03-05' })).statusCode).toBe(201);
    expect(
      (await om.post('/api/training-assignments', { itemId: policy.id, userIds: [nurse, desk], dueOn: '2026-03-20' })).statusCode,
    ).toBe(201);

    // Each person sees their own; the front desk cannot assign or read the report.
    const mine = await t.as(org, 'nurse').get('/api/training-assignments');
    expect(mine.json().items.map((a: A) => a.itemId)).toEqual([osha.id, hipaa.id, policy.id]);
    expect((await t.as(org, 'nurse').get(`/api/training-assignments?userId=${desk}`)).statusCode).toBe(404);
    expect((await t.as(org, 'front_desk').post('/api/training-assignments', { itemId: osha.id, userIds: [desk] })).statusCode).toBe(403);
    expect((await t.as(org, 'front_desk').get('/api/training/overdue')).statusCode).toBe(403);

    clock.set('2026-03-12T15:00:00Z');
    const byItem = (items: A[], id: string) => items.find((a) => a.itemId === id) as A;
    const nurseItems: A[] = (await as(org, 'nurse').get('/api/training-assignments')).json().items;
    const deskItems: A[] = (await as(org, 'front_desk').get('/api/training-assignments')).json().items;
    expect(byItem(nurseItems, osha.id)).toMatchObject({ status: 'overdue', daysOverdue: 7 });

    const report = await as(org, 'office_manager').get('/api/training/overdue');
    expect(report.statusCode, report.body).toBe(200);
    const people = report.json().people as { userId: string; overdue: { itemId: string; daysOverdue: number }[] }[];
    expect(Object.fromEntries(people.map((p) => [p.userId, p.overdue.map((o) => [o.itemId, o.daysOverdue])]))).toEqual({
      [nurse]: [
        [osha.id, 7],
        [hipaa.id, 2],
      ],
      [desk]: [[hipaa.id, 2]],
    });

    // Completing: evidence for training, none needed to acknowledge a policy; not someone else's; not in the future.
    const nurseHipaa = byItem(nurseItems, hipaa.id);
    expect(
      (await as(org, 'nurse').post(`/api/training-assignments/${byItem(deskItems, hipaa.id).id}/complete`, { evidence: 'x' })).statusCode,
    ).toBe(404);
    const noEvidence = await as(org, 'nurse').post(`/api/training-assignments/${nurseHipaa.id}/complete`, {});
    expect(noEvidence.statusCode).toBe(400);
    expect(noEvidence.json().errors[0].path).toBe('evidence');
    const future = await as(org, 'nurse').post(`/api/training-assignments/${nurseHipaa.id}/complete`, {
      evidence: 'c',
      completedOn: '2026-03-13',
    });
    expect(future.json().errors[0].path).toBe('completedOn');
    const done = await as(org, 'nurse').post(`/api/training-assignments/${nurseHipaa.id}/complete`, {
      evidence: 'Certificate 4471',
      completedOn: '2026-03-11',
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', completedOn: '2026-03-11', evidence: 'Certificate 4471' });
    expect((await as(org, 'nurse').post(`/api/training-assignments/${nurseHipaa.id}/complete`, { evidence: 'again' })).statusCode).toBe(
      409,
    );
    const ack = await as(org, 'nurse').post(`/api/training-assignments/${byItem(nurseItems, policy.id).id}/complete`, {});
    expect(ack.json()).toMatchObject({ status: 'completed', evidence: 'Read and acknowledged', completedOn: '2026-03-12' });

    // The next round of the annual course, a year after the completion.
    const open: A[] = (await as(org, 'nurse').get('/api/training-assignments')).json().items;
    expect(open.map((a) => [a.itemId, a.dueOn, a.source])).toEqual([
      [osha.id, '2026-03-05', 'manual'],
      [hipaa.id, '2027-03-11', 'recurrence'],
    ]);
    const after = (await as(org, 'office_manager').get('/api/training/overdue')).json();
    expect(after.total).toBe(2);
    expect(after.people.map((p: { userId: string }) => p.userId).sort()).toEqual([nurse, desk].sort());
  });

  it("another practice's assignments and staff are out of reach", async () => {
    clock.set('2026-03-02T15:00:00Z');
    const mine = await t.newOrg();
    const other = await t.newOrg();
    const theirItem = await item(other, { title: 'HIPAA', kind: 'training', category: 'hipaa' });
    const theirs = (
      await t.as(other, 'office_manager').post('/api/training-assignments', { itemId: theirItem.id, userIds: [other.users.nurse.id] })
    ).json().assigned[0];
    const myItem = await item(mine, { title: 'HIPAA', kind: 'training', category: 'hipaa' });

    const om = t.as(mine, 'office_manager');
    expect((await om.post(`/api/training-assignments/${theirs.id}/complete`, { evidence: 'x' })).statusCode).toBe(404);
    expect((await om.get(`/api/training-assignments?userId=${other.users.nurse.id}`)).json().items).toEqual([]);
    expect((await om.get('/api/training-items')).json().items.map((i: { id: string }) => i.id)).toEqual([myItem.id]);
    const foreign = await om.post('/api/training-assignments', { itemId: myItem.id, userIds: [mine.users.nurse.id, other.users.nurse.id] });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors.map((e: { path: string }) => e.path)).toEqual(['userIds.1']);
    expect(
      (await om.post('/api/training-assignments', { itemId: theirItem.id, userIds: [mine.users.nurse.id] })).json().errors[0].path,
    ).toBe('itemId');
    expect((await om.get('/api/training/overdue')).json().people).toEqual([]);
  });
});
