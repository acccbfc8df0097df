/**
 * Tasks made from other records: a task from a letter (the results letter for its signing doctor
 * to sign; another practice's letter answers 404), and a call's follow-up marked done at the
 * call completing the task it became (the other way round is in calls.test.ts).
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-04-15, 14:00 UTC (10:00 in New York).
const clock = new FakeClock('2026-04-15T14:00:00Z');
const t = await createTestApp({ clock });

async function resultsLetter(org: TestOrg): Promise<{ letterId: string; patientId: string }> {
  const template = await t.as(org, 'office_manager').post('/api/letter-templates', {
    name: 'Results letter',
    body: 'Dear {{patient.firstName}},\n\nYour results are normal.',
  });
  expect(template.statusCode, template.body).toBe(201);
  const patientId = await newPatient(t.db, org);
  const letter = await t.as(org, 'nurse').post('/api/letters', { templateId: template.json().id, patientId, providerId: org.providerId });
  expect(letter.statusCode, letter.body).toBe(201);
  return { letterId: letter.json().id, patientId };
}

describe('a task from a letter', () => {
  it("goes to the signing doctor's account, about the letter's patient, with the letter as its source", async () => {
    const org = await t.newOrg();
    const { letterId, patientId } = await resultsLetter(org);
    const made = await t.as(org, 'nurse').post(`/api/letters/${letterId}/task`, { dueOn: '2026-04-16', priority: 'high' });
    expect(made.statusCode, made.body).toBe(201);
    expect(made.json()).toMatchObject({
      title: expect.stringMatching(/^Sign: Results letter for /),
      assigneeId: org.users.clinician.id,
      patientId,
      source: 'letter',
      sourceId: letterId,
      dueOn: '2026-04-16',
      priority: 'high',
      status: 'open',
    });
    const mine = await t.as(org, 'clinician').get('/api/tasks?assignee=me');
    expect(mine.json().items.map((x: { id: string }) => x.id)).toContain(made.json().id);
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['patient_id'])
      .where('organization_id', '=', org.id)
      .where('action', '=', 'create')
      .where('resource_type', '=', 'task')
      .execute();
    expect(audit).toEqual([{ patient_id: patientId }]);
    const bad = await t.as(org, 'nurse').post(`/api/letters/${letterId}/task`, { dueOn: 'tomorrow' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('dueOn');
  });

  it("another practice's real letter answers 404 and makes nothing", async () => {
    const mine = await t.newOrg();
    const theirs = await t.newOrg();
    const { letterId } = await resultsLetter(theirs);
    const res = await t.as(mine, 'nurse').post(`/api/letters/${letterId}/task`, {});
    expect(res.statusCode).toBe(404);
    const tasks = await t.db.selectFrom('tasks').select('id').where('source_id', '=', letterId).execute();
    expect(tasks).toEqual([]);
  });
});

describe("a call's follow-up marked done", () => {
  it('completes the task it became, audited with the task', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const logged = await fd.post('/api/calls', {
      direction: 'inbound',
      phone: '6175550177',
      reason: 'billing_question',
      outcome: 'message_taken',
      followUp: { assigneeId: org.users.biller.id, dueOn: '2026-04-16' },
    });
    expect(logged.statusCode, logged.body).toBe(201);
    const call = logged.json();
    expect(call).toMatchObject({ followUp: 'open', taskId: expect.any(String) });
    const done = await fd.patch(`/api/calls/${call.id}`, { followUp: 'done' }, { 'if-match': `"${call.version}"` });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ followUp: 'done', version: call.version + 1 });
    const task = (await t.as(org, 'biller').get(`/api/tasks/${call.taskId}`)).json();
    expect(task).toMatchObject({ status: 'done', completedBy: org.users.front_desk.id });
    const taskAudit = await t.db
      .selectFrom('audit_events')
      .select(['changes'])
      .where('organization_id', '=', org.id)
      .where('action', '=', 'update')
      .where('resource_type', '=', 'task')
      .execute();
    expect(taskAudit.map((a) => a.changes)).toEqual([{ status: { before: 'open', after: 'done' } }]);
  });
});
