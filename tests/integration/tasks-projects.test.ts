/**
 * Tasks as the office's work tracker: projects and their progress, the in-progress state,
 * who may change whose task (the assignee, their team, a manager), and service levels per
 * kind of task with breaches flagged.
 */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { type TestOrg, testPasswordHash } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-04-15, 14:00 UTC (10:00 in New York).
const clock = new FakeClock('2026-04-15T14:00:00Z');
const t = await createTestApp({ clock });

type Json = Record<string, unknown>;

/** A second front-desk account of `org` granted at its first location only, signed in. */
async function secondFrontDesk(org: TestOrg) {
  const user = await t.db
    .insertInto('users')
    .values({
      organization_id: org.id,
      email: `desk2.${org.id.slice(0, 8)}@test.clinicdesk.dev`,
      display_name: 'Second Desk',
      password_hash: await testPasswordHash(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await t.db
    .insertInto('user_roles')
    .values({ organization_id: org.id, user_id: user.id, role: 'front_desk', location_id: org.locationId })
    .execute();
  const session = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: '127.0.0.1', userAgent: 'vitest' });
  const auth = { authorization: `Bearer ${session.token}`, 'x-location-id': org.locationId };
  return {
    id: user.id,
    patch: (url: string, body: Json, headers: Record<string, string>) =>
      t.app.inject({ method: 'PATCH', url, headers: { ...auth, ...headers }, payload: body }),
  };
}

describe('projects', () => {
  it('a manager runs a project; its progress is the share of its tasks done; names and locations are checked', async () => {
    const org = await t.newOrg();
    const om = t.as(org, 'office_manager');
    const fd = t.as(org, 'front_desk');
    expect((await fd.post('/api/projects', { name: 'Move the waiting room', locationId: org.locationId })).statusCode).toBe(403);
    const created = await om.post('/api/projects', { name: 'Flu season', locationId: org.locationId, dueOn: '2026-05-01' });
    expect(created.statusCode, created.body).toBe(201);
    const project = created.json();
    expect(project).toMatchObject({ name: 'Flu season', progress: 0, status: 'active', tasks: { total: 0 } });
    const again = await om.post('/api/projects', { name: 'FLU SEASON', locationId: org.locationId });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].path).toBe('name');

    const task = async (title: string, extra: Json = {}) => {
      const res = await fd.post('/api/tasks', { title, projectId: project.id, ...extra });
      expect(res.statusCode, res.body).toBe(201);
      return res.json();
    };
    // The staff-operations contract names the due day dueDate (dueOn is the same field).
    const order = await task('Order vaccine', { dueDate: '2026-04-10', assigneeId: org.users.office_manager.id, priority: 'high' });
    expect(order).toMatchObject({ dueOn: '2026-04-10', dueDate: '2026-04-10' });
    const both = await fd.post('/api/tasks', { title: 'x', projectId: project.id, dueOn: '2026-04-10', dueDate: '2026-04-11' });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].path).toBe('dueDate');
    const print = await task('Print the statements');
    const text = await task('Text the over-65s');
    // The task joins the project's location when none is named.
    expect(order).toMatchObject({ locationId: org.locationId, projectId: project.id, projectName: 'Flu season', overdue: true });
    const elsewhere = await fd.post('/api/tasks', { title: 'x', projectId: project.id, locationId: org.secondLocationId });
    expect(elsewhere.json().errors[0].path).toBe('projectId');

    await fd.patch(`/api/tasks/${order.id}`, { status: 'done' }, { 'if-match': '"1"' });
    const started = await fd.patch(`/api/tasks/${print.id}`, { status: 'in_progress' }, { 'if-match': '"1"' });
    expect(started.json()).toMatchObject({ status: 'in_progress', completedAt: null });
    const one = (await fd.get(`/api/projects/${project.id}`)).json();
    expect(one.progress).toBe(33);
    expect(one.tasks).toEqual({ total: 3, open: 1, inProgress: 1, done: 1, overdue: 0 });

    // The default list is the unfinished work: open and in progress.
    const listed = (await fd.get(`/api/tasks?projectId=${project.id}`)).json().items.map((x: Json) => x.id);
    expect(listed.sort()).toEqual([print.id, text.id].sort());
    expect((await fd.get(`/api/tasks?projectId=${project.id}&status=open`)).json().items.map((x: Json) => x.id)).toEqual([text.id]);

    await fd.patch(`/api/tasks/${print.id}`, { status: 'done' }, { 'if-match': '"2"' });
    await fd.patch(`/api/tasks/${text.id}`, { status: 'done' }, { 'if-match': '"1"' });
    expect((await fd.get(`/api/projects/${project.id}`)).json().progress).toBe(100);

    const closed = await om.patch(`/api/projects/${project.id}`, { status: 'done' }, { 'if-match': '"1"' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await fd.post('/api/tasks', { title: 'late', projectId: project.id })).json().errors[0].path).toBe('projectId');
    expect((await om.get('/api/projects')).json().items).toEqual([]);
    expect((await om.get('/api/projects?status=done')).json().items.map((x: Json) => x.id)).toEqual([project.id]);

    // Another practice's real project: unknown here.
    const stranger = await t.newOrg();
    const theirs = (await t.as(stranger, 'office_manager').post('/api/projects', { name: 'Theirs' })).json();
    expect((await fd.get(`/api/projects/${theirs.id}`)).statusCode).toBe(404);
    expect((await fd.post('/api/tasks', { title: 'x', projectId: theirs.id })).json().errors[0].path).toBe('projectId');
    expect((await om.patch(`/api/projects/${theirs.id}`, { name: 'Mine' }, { 'if-match': '"1"' })).statusCode).toBe(404);
  });
});

describe('who may change a task', () => {
  it('the assignee and their team, the location’s unassigned ones, and managers; not another role’s', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const nurse = t.as(org, 'nurse');
    const om = t.as(org, 'office_manager');
    const desk2 = await secondFrontDesk(org);
    const mk = async (body: Json) => (await fd.post('/api/tasks', { locationId: org.locationId, ...body })).json();

    const desks = await mk({ title: 'Scan forms', assigneeId: org.users.front_desk.id });
    // A nurse is not on the front desk's team: 403, nothing changed.
    const refused = await nurse.patch(`/api/tasks/${desks.id}`, { status: 'done' }, { 'if-match': '"1"' });
    expect(refused.statusCode).toBe(403);
    expect((await fd.get(`/api/tasks/${desks.id}`)).json()).toMatchObject({ status: 'open', version: 1 });
    // A colleague holding the same role there is.
    const byColleague = await desk2.patch(`/api/tasks/${desks.id}`, { status: 'in_progress' }, { 'if-match': '"1"' });
    expect(byColleague.statusCode, byColleague.body).toBe(200);
    // The manager may change anyone's.
    expect((await om.patch(`/api/tasks/${desks.id}`, { assigneeId: org.users.nurse.id }, { 'if-match': '"2"' })).statusCode).toBe(200);
    // Now the nurse's: she may, the front desk (who made it) still may, the second desk (neither) may not.
    expect((await desk2.patch(`/api/tasks/${desks.id}`, { priority: 'high' }, { 'if-match': '"3"' })).statusCode).toBe(403);
    expect((await nurse.patch(`/api/tasks/${desks.id}`, { priority: 'high' }, { 'if-match': '"3"' })).statusCode).toBe(200);
    expect((await fd.patch(`/api/tasks/${desks.id}`, { status: 'done' }, { 'if-match': '"4"' })).statusCode).toBe(200);

    const unassigned = await mk({ title: 'Water the plants' });
    expect((await nurse.patch(`/api/tasks/${unassigned.id}`, { assigneeId: org.users.nurse.id }, { 'if-match': '"1"' })).statusCode).toBe(
      200,
    );
  });
});

describe('service levels', () => {
  it('a kind’s level dates new tasks; breaches are flagged and listed; levels are the managers’', async () => {
    clock.set('2026-04-15T14:00:00Z');
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const om = t.as(org, 'office_manager');
    expect((await fd.put('/api/task-slas', { kind: 'refill_request', hours: 48 })).statusCode).toBe(403);
    expect((await om.put('/api/task-slas', { kind: 'refill_request', hours: 0 })).json().errors[0].path).toBe('hours');
    expect((await om.put('/api/task-slas', { kind: 'sandwich', hours: 4 })).statusCode).toBe(400);
    expect((await om.put('/api/task-slas', { kind: 'refill_request', hours: 1 })).json()).toEqual({ kind: 'refill_request', hours: 1 });
    const levels = (await fd.get('/api/task-slas')).json().items;
    expect(levels.find((l: Json) => l.kind === 'refill_request').hours).toBe(1);
    expect(levels.find((l: Json) => l.kind === 'general').hours).toBeNull();

    const refill = (await fd.post('/api/tasks', { title: 'Refill: metformin', kind: 'refill_request', locationId: org.locationId })).json();
    const plain = (await fd.post('/api/tasks', { title: 'Tidy the desk', locationId: org.locationId })).json();
    expect(refill.slaDueAt).toBe('2026-04-15T15:00:00.000Z');
    expect(plain).toMatchObject({ kind: 'general', slaDueAt: null, slaBreached: false });
    // A later change of the level does not move a task already made.
    await om.put('/api/task-slas', { kind: 'refill_request', hours: 24 });
    expect((await fd.get(`/api/tasks/${refill.id}`)).json().slaDueAt).toBe('2026-04-15T15:00:00.000Z');

    // An hour and a bit later (in steps the sessions' idle timeout allows).
    for (let i = 0; i < 7; i++) {
      clock.advance(10 * 60_000);
      expect((await fd.get(`/api/tasks/${refill.id}`)).json().slaBreached).toBe(i === 6);
    }
    expect((await fd.get('/api/tasks?slaBreached=true')).json().items.map((x: Json) => x.id)).toEqual([refill.id]);
    // Done late stays a breach; the list of unfinished breaches no longer shows it.
    await fd.patch(`/api/tasks/${refill.id}`, { status: 'done' }, { 'if-match': '"1"' });
    expect((await fd.get(`/api/tasks/${refill.id}`)).json().slaBreached).toBe(true);
    expect((await fd.get('/api/tasks?slaBreached=true')).json().items).toEqual([]);
    expect((await fd.get('/api/tasks?slaBreached=true&status=done')).json().items.map((x: Json) => x.id)).toEqual([refill.id]);
    clock.set('2026-04-15T14:00:00Z');
  });
});
