/**
 * The call log: a caller matched by phone (one match fills the patient, several come back as
 * candidates for the desk to pick, a restricted record stays hidden), the note audited on every
 * read and write in the write's own transaction, bad input refused naming the field with
 * nothing written, a follow-up that becomes a task in the same transaction, "who called while
 * I was out", outcomes with If-Match, completing the follow-up task closing the call's follow-up,
 * and another practice's real call answering 404.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const t = await createTestApp();

async function patientWithPhone(org: TestOrg, givenName: string, phone: string, restricted = false): Promise<string> {
  const row = await t.db
    .insertInto('patients')
    .values({
      organization_id: org.id,
      mrn: sql<string>`nextval('patient_mrn_seq')::text`,
      given_name: givenName,
      family_name: 'Caller',
      birth_date: '1970-02-03',
      phones: JSON.stringify([{ type: 'mobile', number: phone }]),
      restricted,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

const audits = (org: TestOrg, resourceType: string) =>
  t.db
    .selectFrom('audit_events')
    .select(['action', 'resource_id', 'patient_id', 'user_id', 'details'])
    .where('organization_id', '=', org.id)
    .where('resource_type', '=', resourceType)
    .orderBy('seq')
    .execute();

const callCount = async (org: TestOrg) =>
  Number(
    (await t.db.selectFrom('calls').select(sql<number>`count(*)`.as('n')).where('organization_id', '=', org.id).executeTakeFirstOrThrow())
      .n,
  );

describe('calls', () => {
  it('matches the caller by phone: one match fills the patient, several are candidates, a restricted record stays out', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const ann = await patientWithPhone(org, 'Ann', '(413) 555-0111');
    const bo = await patientWithPhone(org, 'Bo', '413-555-0122');
    const cy = await patientWithPhone(org, 'Cy', '+1 413 555 0122');
    await patientWithPhone(org, 'Hidden', '413.555.0133', true);

    const one = await fd.post('/api/calls', {
      direction: 'inbound',
      phone: '4135550111',
      reason: 'appointment',
      note: 'Wants to move Friday',
    });
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json()).toMatchObject({
      phone: '+14135550111',
      patientId: ann,
      patientName: 'Ann Caller',
      candidates: [],
      followUp: 'none',
    });

    const several = await fd.post('/api/calls', { direction: 'inbound', phone: '(413) 555-0122', reason: 'results', note: '' });
    expect(several.statusCode).toBe(201);
    expect(several.json().patientId).toBeNull();
    expect(
      several
        .json()
        .candidates.map((c: { id: string }) => c.id)
        .sort(),
    ).toEqual([bo, cy].sort());
    // The desk picks.
    const picked = await fd.patch(`/api/calls/${several.json().id}`, { patientId: cy }, { 'if-match': '"1"' });
    expect(picked.statusCode, picked.body).toBe(200);
    expect(picked.json()).toMatchObject({ patientId: cy, version: 2 });

    const lookup = await fd.get('/api/calls/caller?phone=413-555-0122');
    expect(lookup.json().candidates).toHaveLength(2);
    // The restricted record is not the front desk's to find by its number.
    expect((await fd.get('/api/calls/caller?phone=4135550133')).json().candidates).toEqual([]);
    const hidden = await fd.post('/api/calls', { direction: 'inbound', phone: '4135550133', reason: 'other' });
    expect(hidden.json()).toMatchObject({ patientId: null, candidates: [] });

    const created = await audits(org, 'call');
    expect(created.filter((a) => a.action === 'create').map((a) => (a.details as { match: string }).match)).toEqual([
      'phone',
      'several',
      'none',
    ]);
    expect(created.find((a) => a.action === 'create')).toMatchObject({ patient_id: ann, user_id: org.users.front_desk.id });
    expect(created.filter((a) => a.action === 'update')).toEqual([expect.objectContaining({ patient_id: cy })]);
    expect((await audits(org, 'caller')).map((a) => a.details)).toEqual([{ matches: 2 }, { matches: 0 }]);
  });

  it('audits every read of a call note, refuses bad input naming the field, and answers 404 for another practice’s call', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const pat = await patientWithPhone(org, 'Dee', '303-555-0144');
    // A real user of another practice is no assignee here.
    const elsewhere = await t.newOrg();
    const bad = [
      [{ direction: 'sideways', phone: '3035550144', reason: 'other' }, 'direction'],
      [{ direction: 'inbound', phone: '12', reason: 'other' }, 'phone'],
      [{ direction: 'inbound', phone: '3035550144', reason: 'gossip' }, 'reason'],
      [{ direction: 'outbound', phone: '3035550144', reason: 'other', outcome: 'missed' }, 'outcome'],
      [{ direction: 'inbound', phone: '3035550144', reason: 'other', followUp: { dueOn: 'tomorrow' } }, 'followUp.dueOn'],
      [
        { direction: 'inbound', phone: '3035550144', reason: 'other', followUp: { assigneeId: elsewhere.users.nurse.id } },
        'followUp.assigneeId',
      ],
    ] as const;
    for (const [body, path] of bad) {
      const res = await fd.post('/api/calls', body);
      expect(res.statusCode, `${path}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().errors[0].path).toBe(path);
    }
    expect(await callCount(org)).toBe(0);
    expect((await t.db.selectFrom('tasks').select('id').where('organization_id', '=', org.id).execute()).length).toBe(0);

    const call = (
      await fd.post('/api/calls', { direction: 'inbound', phone: '3035550144', reason: 'results', note: 'Asked about A1c' })
    ).json();
    const one = await fd.get(`/api/calls/${call.id}`);
    expect(one.json()).toMatchObject({ note: 'Asked about A1c', patientId: pat });
    expect(one.headers.etag).toBe('"1"');
    const list = await fd.get(`/api/calls?patientId=${pat}`);
    expect(list.json().items.map((c: { id: string }) => c.id)).toEqual([call.id]);
    const rows = await audits(org, 'call');
    expect(rows.map((r) => [r.action, r.patient_id])).toEqual([
      ['create', pat],
      ['read', pat],
      ['search', pat],
    ]);
    expect(rows[2]?.details).toEqual({ count: 1, patientId: pat });

    // Stale and missing If-Match.
    expect((await fd.patch(`/api/calls/${call.id}`, { outcome: 'resolved' })).statusCode).toBe(428);
    expect((await fd.patch(`/api/calls/${call.id}`, { outcome: 'resolved' }, { 'if-match': '"7"' })).statusCode).toBe(412);

    // Another practice's real call: 404 on read and write, absent from its lists.
    const stranger = await t.newOrg();
    const sfd = t.as(stranger, 'front_desk');
    expect((await sfd.get(`/api/calls/${call.id}`)).statusCode).toBe(404);
    expect((await sfd.patch(`/api/calls/${call.id}`, { note: 'x' }, { 'if-match': '"1"' })).statusCode).toBe(404);
    expect((await sfd.get(`/api/calls?patientId=${pat}`)).statusCode).toBe(404);
    expect((await sfd.get('/api/calls')).json().items).toEqual([]);
    expect((await sfd.get('/api/calls/caller?phone=3035550144')).json().candidates).toEqual([]);
  });

  it('a follow-up becomes a task in the same transaction; unanswered calls wait; "who called while I was out"', async () => {
    const org = await t.newOrg();
    const fd = t.as(org, 'front_desk');
    const nurse = org.users.nurse.id;
    const pat = await patientWithPhone(org, 'Eve', '617-555-0155');
    const refill = await fd.post(
      '/api/calls',
      {
        direction: 'inbound',
        phone: '6175550155',
        reason: 'refill_request',
        note: 'Metformin 500 mg, 3 days left',
        outcome: 'message_taken',
        followUp: { assigneeId: nurse, dueOn: '2030-01-02', priority: 'high' },
      },
      { 'x-location-id': org.secondLocationId },
    );
    expect(refill.statusCode, refill.body).toBe(201);
    const call = refill.json();
    expect(call).toMatchObject({ followUp: 'open', assignedTo: nurse, taskId: expect.any(String), locationId: org.secondLocationId });
    const task = await t.as(org, 'nurse').get(`/api/tasks/${call.taskId}`);
    expect(task.json()).toMatchObject({
      title: 'Call back: refill request',
      note: 'Metformin 500 mg, 3 days left',
      assigneeId: nurse,
      dueOn: '2030-01-02',
      priority: 'high',
      patientId: pat,
      source: 'call',
      sourceId: call.id,
      locationId: org.secondLocationId,
      status: 'open',
    });
    const mine = await t.as(org, 'nurse').get('/api/tasks?assignee=me');
    expect(mine.json().items.map((x: { id: string }) => x.id)).toEqual([call.taskId]);
    expect((await audits(org, 'call')).find((a) => a.action === 'create')?.details).toMatchObject({ followUpTaskId: call.taskId });

    // A refused follow-up leaves neither the call nor the task behind.
    const before = await callCount(org);
    const refused = await fd.post('/api/calls', {
      direction: 'inbound',
      phone: '6175550155',
      reason: 'other',
      followUp: { assigneeId: (await t.newOrg()).users.nurse.id },
    });
    expect(refused.statusCode).toBe(400);
    expect(await callCount(org)).toBe(before);

    const missed = (await fd.post('/api/calls', { direction: 'inbound', phone: '2125550166', reason: 'other', outcome: 'missed' })).json();
    expect(missed).toMatchObject({ unanswered: true, followUp: 'open', assignedTo: null });
    await fd.post('/api/calls', { direction: 'outbound', phone: '6175550155', reason: 'results', outcome: 'resolved' });

    const waiting = await fd.get('/api/calls?needsFollowUp=true');
    expect(waiting.json().items.map((c: { id: string }) => c.id)).toEqual([missed.id, call.id]);
    expect((await fd.get('/api/calls?unanswered=true')).json().items.map((c: { id: string }) => c.id)).toEqual([missed.id]);
    expect((await fd.get(`/api/calls?needsFollowUp=true&assignedTo=${nurse}`)).json().items).toHaveLength(1);
    expect(
      (await fd.get(`/api/calls?locationId=${org.locationId}&needsFollowUp=true`)).json().items.map((c: { id: string }) => c.id),
    ).toEqual([missed.id]);
    const summary = (await fd.get('/api/calls/waiting')).json();
    expect(summary.byUser).toEqual(
      expect.arrayContaining([
        { userId: nurse, userName: expect.any(String), followUps: 1, unanswered: 0 },
        { userId: null, userName: null, followUps: 1, unanswered: 1 },
      ]),
    );
    expect(summary.byLocation).toEqual([
      { locationId: org.locationId, locationName: 'East', followUps: 1, unanswered: 1 },
      { locationId: org.secondLocationId, locationName: 'West', followUps: 1, unanswered: 0 },
    ]);

    // Called back: the follow-up is done and the call leaves the list.
    const done = await fd.patch(
      `/api/calls/${missed.id}`,
      { followUp: 'done', note: 'Called back, booked Tuesday' },
      { 'if-match': '"1"' },
    );
    expect(done.statusCode, done.body).toBe(200);
    expect((await fd.get('/api/calls?needsFollowUp=true')).json().items.map((c: { id: string }) => c.id)).toEqual([call.id]);
    const update = (await audits(org, 'call')).find((a) => a.action === 'update' && a.resource_id === missed.id);
    expect(update).toBeDefined();

    // The nurse completes the refill task: the call's follow-up is done in the same transaction.
    const completed = await t.as(org, 'nurse').patch(`/api/tasks/${call.taskId}`, { status: 'done' }, { 'if-match': '"1"' });
    expect(completed.statusCode, completed.body).toBe(200);
    expect((await fd.get(`/api/calls/${call.id}`)).json()).toMatchObject({ followUp: 'done', version: 2 });
    expect((await fd.get('/api/calls?needsFollowUp=true')).json().items).toEqual([]);
  });
});
