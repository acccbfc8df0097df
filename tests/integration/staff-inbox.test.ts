/**
 * The staff inbox through the API: a thread about a patient is audited with them, shows as
 * unread to the colleague it is assigned to until they open it, takes replies, is reassigned and
 * closed with If-Match; a refill request goes to the prescriber's own account; another
 * practice's threads, colleagues and medications are not found.
 */
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

const unread = async (org: TestOrg, role: 'front_desk' | 'nurse' | 'clinician' | 'office_manager') =>
  ((await t.as(org, role).get('/api/staff-threads/unread-count')).json() as { unread: number }).unread;

async function medication(org: TestOrg, patientId: string, prescriber: { providerId?: string; name?: string }) {
  const row = await t.db
    .insertInto('medications')
    .values({
      organization_id: org.id,
      patient_id: patientId,
      name: 'Lisinopril',
      dose: '10 mg',
      prescriber_provider_id: prescriber.providerId ?? null,
      prescriber_name: prescriber.name ?? null,
      start_date: '2025-06-01',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('staff threads', () => {
  it('threads a message about a patient: assigned, unread until opened, replies, reassigned and done with If-Match, audited', async () => {
    const org = await t.newOrg();
    const patientId = await newPatient(t.db, org);
    const fd = t.as(org, 'front_desk');
    const nurse = t.as(org, 'nurse');
    const created = await fd.post('/api/staff-threads', {
      subject: 'Lab results to review',
      body: 'Patient asks whether the lipid panel came back.',
      patientId,
      assignedTo: org.users.nurse.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const thread = created.json() as { id: string; version: number; assignedToName: string; messages: unknown[] };
    expect(thread.messages).toHaveLength(1);
    expect(await unread(org, 'nurse')).toBe(1);
    expect(await unread(org, 'front_desk')).toBe(0);
    const box = (await nurse.get('/api/staff-threads')).json() as { items: { id: string; unread: boolean; patientId: string }[] };
    expect(box.items).toMatchObject([{ id: thread.id, unread: true, patientId }]);
    expect((await t.as(org, 'clinician').get('/api/staff-threads')).json().items).toEqual([]);

    const opened = await nurse.get(`/api/staff-threads/${thread.id}`);
    expect(opened.json().unread).toBe(false);
    expect(await unread(org, 'nurse')).toBe(0);
    const replied = await nurse.post(`/api/staff-threads/${thread.id}/replies`, { body: 'Yes, normal. I will call her.' });
    expect(replied.statusCode, replied.body).toBe(201);
    expect(replied.json().messages).toHaveLength(2);
    // The writer who started it sees the reply as unread.
    expect(await unread(org, 'front_desk')).toBe(1);

    const url = `/api/staff-threads/${thread.id}`;
    expect((await fd.patch(url, { done: true })).statusCode).toBe(428);
    expect((await fd.patch(url, { done: true }, { 'if-match': `"${thread.version}"` })).statusCode).toBe(412);
    const version = replied.json().version as number;
    const other = await t.newOrg();
    const wrongUser = await fd.patch(url, { assignedTo: other.users.nurse.id }, { 'if-match': `"${version}"` });
    expect(wrongUser.statusCode).toBe(400);
    expect(wrongUser.json().errors[0].path).toBe('assignedTo');
    const done = await fd.patch(url, { done: true, assignedTo: org.users.office_manager.id }, { 'if-match': `"${version}"` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ done: true, assignedTo: org.users.office_manager.id });
    expect((await nurse.get('/api/staff-threads')).json().items).toEqual([]);
    expect((await nurse.get('/api/staff-threads?status=done')).json().items).toHaveLength(1);

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('resource_type', '=', 'staff_thread')
      .where('resource_id', '=', thread.id)
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['create', 'read', 'update', 'update']);
    expect(audit.every((a) => a.patient_id === patientId)).toBe(true);
  });

  it("routes a refill request to the prescriber's account; an outside prescriber is a 409", async () => {
    const org = await t.newOrg();
    const patientId = await newPatient(t.db, org);
    const medicationId = await medication(org, patientId, { providerId: org.providerId });
    const fd = t.as(org, 'front_desk');
    const meds = (await fd.get(`/api/patients/${patientId}/refill-medications`)).json() as { items: { id: string }[] };
    expect(meds.items.map((m) => m.id)).toEqual([medicationId]);
    const res = await fd.post('/api/staff-threads', { kind: 'refill_request', patientId, medicationId, body: 'Out of tablets on Friday.' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'refill_request',
      subject: 'Refill request: Lisinopril 10 mg',
      providerId: org.providerId,
      assignedTo: org.users.clinician.id,
      medicationName: 'Lisinopril 10 mg',
    });
    expect(await unread(org, 'clinician')).toBe(1);
    expect((await t.as(org, 'clinician').get('/api/staff-threads')).json().items).toMatchObject([{ id: res.json().id, unread: true }]);

    const outside = await medication(org, patientId, { name: 'Dr. Reyes (cardiology)' });
    const refused = await fd.post('/api/staff-threads', { kind: 'refill_request', patientId, medicationId: outside, body: 'Refill?' });
    expect(refused.statusCode).toBe(409);
    expect((await fd.post('/api/staff-threads', { kind: 'refill_request', patientId, body: 'Refill?' })).json().errors[0].path).toBe(
      'medicationId',
    );
  });

  it("makes a task from a thread: the thread's subject, assignee and patient by default, audited with the patient; bad input changes nothing", async () => {
    const org = await t.newOrg();
    const patientId = await newPatient(t.db, org);
    const fd = t.as(org, 'front_desk');
    const thread = (
      await fd.post('/api/staff-threads', {
        subject: 'Call back about the referral',
        body: 'Cardiology needs the last ECG faxed.',
        patientId,
        assignedTo: org.users.nurse.id,
      })
    ).json() as { id: string };
    const tasksBefore = await t.db.selectFrom('tasks').select('id').where('organization_id', '=', org.id).execute();
    const bad = await fd.post(`/api/staff-threads/${thread.id}/task`, { dueOn: '2026-02-30x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('dueOn');
    expect(await t.db.selectFrom('tasks').select('id').where('organization_id', '=', org.id).execute()).toEqual(tasksBefore);

    const made = await fd.post(`/api/staff-threads/${thread.id}/task`, { priority: 'high' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      title: 'Call back about the referral',
      note: 'Cardiology needs the last ECG faxed.',
      assigneeId: org.users.nurse.id,
      patientId,
      priority: 'high',
      source: 'message',
      sourceId: thread.id,
    });
    const mine = (await t.as(org, 'nurse').get('/api/tasks?assignee=me')).json() as { items: { id: string }[] };
    expect(mine.items.map((i) => i.id)).toContain(made.json().id);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'patient_id'])
      .where('resource_type', '=', 'task')
      .where('resource_id', '=', made.json().id)
      .execute();
    expect(audit).toEqual([{ action: 'create', patient_id: patientId }]);

    // Another practice's real thread is not found, and no task is made.
    const other = await t.newOrg();
    const foreign = await t.as(other, 'front_desk').post(`/api/staff-threads/${thread.id}/task`, {});
    expect(foreign.statusCode).toBe(404);
    expect(await t.db.selectFrom('tasks').select('id').where('organization_id', '=', other.id).execute()).toEqual([]);
  });

  it("answers 404 for another practice's thread, patient and medication", async () => {
    const [a, b] = [await t.newOrg(), await t.newOrg()];
    const patientB = await newPatient(t.db, b);
    const medB = await medication(b, patientB, { providerId: b.providerId });
    const threadB = (
      await t.as(b, 'front_desk').post('/api/staff-threads', { subject: 'Private', body: 'B only', patientId: patientB })
    ).json() as {
      id: string;
    };
    const fdA = t.as(a, 'front_desk');
    expect((await fdA.get(`/api/staff-threads/${threadB.id}`)).statusCode).toBe(404);
    expect((await fdA.post(`/api/staff-threads/${threadB.id}/replies`, { body: 'hi' })).statusCode).toBe(404);
    expect((await fdA.patch(`/api/staff-threads/${threadB.id}`, { done: true }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await fdA.get(`/api/patients/${patientB}/refill-medications`)).statusCode).toBe(404);
    const patientA = await newPatient(t.db, a);
    expect(
      (await fdA.post('/api/staff-threads', { kind: 'refill_request', patientId: patientA, medicationId: medB, body: 'x' })).statusCode,
    ).toBe(404);
    expect((await fdA.get('/api/staff-threads?box=all')).json().items).toEqual([]);
    const colleagues = (await fdA.get('/api/staff-colleagues')).json() as { items: { id: string }[] };
    expect(colleagues.items.map((c) => c.id)).toContain(a.users.nurse.id);
    expect(colleagues.items.map((c) => c.id)).not.toContain(b.users.nurse.id);
  });
});
