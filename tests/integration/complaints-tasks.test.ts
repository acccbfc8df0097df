/**
 * Complaints: the front desk logs one (and gets its id) but may not read the log back; the
 * office manager lists, works (If-Match; resolving needs a resolution) and reports on them,
 * the monthly figures exact. Tasks: mine and a location's lists, completion with If-Match,
 * a task about a restricted patient only for those who may open the record, another
 * practice's real task answering 404.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-04-15, 14:00 UTC (10:00 in New York).
const clock = new FakeClock('2026-04-15T14:00:00Z');
const t = await createTestApp({ clock });

describe('complaints', () => {
  it('the desk logs one but may not list; managers list, resolve and report with exact figures', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const om = t.as(org, 'office_manager');
    const patientId = await newPatient(t.db, org);
    const log = async (body: Record<string, unknown>) => {
      const res = await fd.post('/api/complaints', { locationId: org.locationId, ...body });
      expect(res.statusCode, res.body).toBe(201);
      expect(Object.keys(res.json())).toEqual(['id']);
      return res.json().id as string;
    };
    const missingWho = await fd.post('/api/complaints', { description: 'Rude', category: 'staff_conduct', severity: 'low' });
    expect(missingWho.statusCode).toBe(400);
    expect(missingWho.json().errors[0].path).toBe('complainant');
    expect(
      (await fd.post('/api/complaints', { patientId, description: 'x', category: 'food', severity: 'low' })).json().errors[0].path,
    ).toBe('category');
    const future = await fd.post('/api/complaints', {
      patientId,
      description: 'x',
      category: 'other',
      severity: 'low',
      receivedOn: '2026-04-20',
    });
    expect(future.json().errors[0].path).toBe('receivedOn');

    const wait = await log({
      patientId,
      description: 'Waited an hour',
      category: 'wait_time',
      severity: 'medium',
      receivedOn: '2026-04-02',
      dueOn: '2026-04-10',
    });
    const bill = await log({
      patientId,
      description: 'Billed twice',
      category: 'billing',
      severity: 'low',
      receivedOn: '2026-04-05',
      dueOn: '2026-04-30',
    });
    const care = await log({
      complainant: 'Sam (son)',
      description: 'Felt rushed',
      category: 'clinical_care',
      severity: 'high',
      receivedOn: '2026-04-14',
    });
    await log({
      patientId,
      description: 'Last month',
      category: 'billing',
      severity: 'critical',
      receivedOn: '2026-03-31',
      dueOn: '2026-04-01',
    });

    // The desk may log, not read: the route's permission answers 403, as the route matrix expects.
    expect((await fd.get('/api/complaints')).statusCode).toBe(403);
    expect((await fd.get(`/api/complaints/${wait}`)).statusCode).toBe(403);
    expect((await fd.get('/api/complaints/report?month=2026-04')).statusCode).toBe(403);

    const list = await om.get('/api/complaints');
    expect(list.statusCode, list.body).toBe(200);
    expect(
      list
        .json()
        .items.map((c: { id: string }) => c.id)
        .slice(0, 3),
    ).toEqual([care, bill, wait]);
    expect(list.json().items.find((c: { id: string }) => c.id === wait)).toMatchObject({ overdue: true, status: 'open', patientId });

    const noResolution = await om.patch(`/api/complaints/${bill}`, { status: 'resolved' }, { 'if-match': '"1"' });
    expect(noResolution.statusCode).toBe(400);
    expect(noResolution.json().errors[0].path).toBe('resolution');
    const resolved = await om.patch(
      `/api/complaints/${bill}`,
      { status: 'resolved', resolution: 'Refunded the duplicate charge', patientInformed: true, ownerId: org.users.office_manager.id },
      { 'if-match': '"1"' },
    );
    expect(resolved.statusCode, resolved.body).toBe(200);
    expect(resolved.json()).toMatchObject({ status: 'resolved', resolvedOn: '2026-04-15', patientInformed: true, version: 2 });
    expect((await om.patch(`/api/complaints/${bill}`, { severity: 'high' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    await om.patch(`/api/complaints/${care}`, { status: 'investigating', dueOn: '2026-04-14' }, { 'if-match': '"1"' });

    const report = await om.get('/api/complaints/report?month=2026-04');
    expect(report.statusCode, report.body).toBe(200);
    const r = report.json();
    const count = (rows: { value: string; count: number }[], v: string) => rows.find((x) => x.value === v)?.count;
    expect(r.total).toBe(3);
    expect([
      count(r.byCategory, 'wait_time'),
      count(r.byCategory, 'billing'),
      count(r.byCategory, 'clinical_care'),
      count(r.byCategory, 'privacy'),
    ]).toEqual([1, 1, 1, 0]);
    expect([
      count(r.bySeverity, 'low'),
      count(r.bySeverity, 'medium'),
      count(r.bySeverity, 'high'),
      count(r.bySeverity, 'critical'),
    ]).toEqual([1, 1, 1, 0]);
    expect([count(r.byStatus, 'open'), count(r.byStatus, 'investigating'), count(r.byStatus, 'resolved')]).toEqual([1, 1, 1]);
    // Wait (due the 10th) and care (due the 14th) are still open today, the 15th; bill is resolved.
    expect(r.overdue).toBe(2);
    expect(r.patientInformed).toBe(1);
    expect((await om.get('/api/complaints/report?month=2026-13')).json().errors[0].path).toBe('querystring.month');

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'complaint')
      .orderBy('seq')
      .execute();
    expect(audit.filter((a) => a.action === 'create')).toHaveLength(4);
    expect(audit.find((a) => a.action === 'update')).toMatchObject({ patient_id: patientId });

    const stranger = await t.newOrg();
    const som = t.as(stranger, 'office_manager');
    expect((await som.get(`/api/complaints/${wait}`)).statusCode).toBe(404);
    expect((await som.patch(`/api/complaints/${wait}`, { severity: 'low' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await som.get('/api/complaints')).json().items).toEqual([]);
    expect((await som.get('/api/complaints/report?month=2026-04')).json().total).toBe(0);
  });
});

describe('tasks', () => {
  it('mine and a location’s lists, completion with If-Match, restricted patients, another practice', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const me = org.users.front_desk.id;
    const mk = async (body: Record<string, unknown>, as = fd) => {
      const res = await as.post('/api/tasks', body);
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { id: string; version: number; overdue: boolean; locationId: string };
    };
    const late = await mk({ title: 'Fax records', assigneeId: me, dueOn: '2026-04-14', locationId: org.locationId });
    const soon = await mk({ title: 'Order toner', assigneeId: me, dueOn: '2026-04-20', priority: 'low', locationId: org.locationId });
    const west = await mk({ title: 'Check the fridge log', locationId: org.secondLocationId });
    const secret = await newPatient(t.db, org, { restricted: true });
    expect((await fd.post('/api/tasks', { title: 'x', patientId: secret })).statusCode).toBe(404);
    expect((await fd.post('/api/tasks', { title: '', locationId: org.locationId })).json().errors[0].path).toBe('title');
    // A real user of another practice is no assignee here (before: the admin's id with its last
    // digit set to 0, which was the admin's own id whenever it already ended in 0).
    const elsewhere = await t.newOrg();
    const foreignAssignee = await fd.post('/api/tasks', { title: 'x', assigneeId: elsewhere.users.nurse.id });
    expect(foreignAssignee.statusCode).toBe(400);
    expect(foreignAssignee.json().errors[0].path).toBe('assigneeId');
    expect(late.overdue).toBe(true);
    expect(soon.overdue).toBe(false);

    const mine = (await fd.get('/api/tasks?assignee=me')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toEqual([late.id, soon.id]);
    const page1 = (await fd.get('/api/tasks?assignee=me&limit=1')).json();
    expect(page1.items.map((x: { id: string }) => x.id)).toEqual([late.id]);
    expect(
      (await fd.get(`/api/tasks?assignee=me&limit=1&cursor=${page1.nextCursor}`)).json().items.map((x: { id: string }) => x.id),
    ).toEqual([soon.id]);
    expect((await fd.get(`/api/tasks?locationId=${org.secondLocationId}`)).json().items.map((x: { id: string }) => x.id)).toEqual([
      west.id,
    ]);
    expect((await fd.get('/api/tasks?cursor=nonsense')).json().errors[0].path).toBe('cursor');

    expect((await fd.patch(`/api/tasks/${late.id}`, { status: 'done' })).statusCode).toBe(428);
    const done = await fd.patch(`/api/tasks/${late.id}`, { status: 'done' }, { 'if-match': '"1"' });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({
      status: 'done',
      completedBy: me,
      completedAt: '2026-04-15T14:00:00.000Z',
      overdue: false,
      version: 2,
    });
    expect((await fd.patch(`/api/tasks/${late.id}`, { status: 'open' }, { 'if-match': '"1"' })).statusCode).toBe(412);
    expect((await fd.get('/api/tasks?assignee=me')).json().items.map((x: { id: string }) => x.id)).toEqual([soon.id]);
    expect((await fd.get('/api/tasks?assignee=me&status=done')).json().items.map((x: { id: string }) => x.id)).toEqual([late.id]);

    // A task about a restricted record: its care team (the admin) sees it; the desk does not.
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: org.id, patient_id: secret, user_id: org.users.admin.id })
      .execute();
    const adminTask = await mk({ title: 'Call the specialist', patientId: secret, locationId: org.locationId }, t.as(org, 'admin'));
    expect((await t.as(org, 'admin').get(`/api/tasks/${adminTask.id}`)).statusCode).toBe(200);
    expect((await fd.get(`/api/tasks/${adminTask.id}`)).statusCode).toBe(404);
    expect((await fd.get(`/api/tasks?locationId=${org.locationId}`)).json().items.map((x: { id: string }) => x.id)).not.toContain(
      adminTask.id,
    );

    const stranger = await t.newOrg();
    const sfd = t.as(stranger, 'front_desk');
    expect((await sfd.get(`/api/tasks/${soon.id}`)).statusCode).toBe(404);
    expect((await sfd.patch(`/api/tasks/${soon.id}`, { status: 'done' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await sfd.get('/api/tasks')).json().items).toEqual([]);
    expect((await sfd.get(`/api/tasks?locationId=${org.locationId}`)).statusCode).toBe(404);
  });
});
