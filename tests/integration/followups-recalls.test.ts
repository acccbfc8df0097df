/**
 * Recalls: set, edit with If-Match (428 without it, 412 when stale), the append-only contact
 * log that moves a recall to contacted (or booked), and the overdue list, judged by the date
 * at the desk's location (x-location-id): at 06:30 UTC a recall due Monday is overdue in New
 * York (already Tuesday) but not yet in Denver.
 */
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import type { TestOrg } from '../helpers/factories.ts';
import { newPatient } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Tuesday 2026-03-03 04:30 UTC: still Monday 2026-03-02 in New York (23:30) and Denver (21:30).
const clock = new FakeClock('2026-03-03T04:30:00Z');
const t = await createTestApp({ clock });

type Recall = { id: string; dueDate: string; status: string; overdue: boolean; version: number; lastContact: { outcome: string } | null };

async function recall(org: TestOrg, patientId: string, body: Record<string, unknown>) {
  const res = await t.as(org, 'front_desk').post(`/api/patients/${patientId}/recalls`, body);
  expect(res.statusCode, res.body).toBe(201);
  expect(res.headers.etag).toBe(`"${res.json().version}"`);
  return res.json() as Recall;
}

const at = (locationId: string) => ({ 'x-location-id': locationId });

describe('recalls', () => {
  it('create, edit with If-Match, refuse bad input, other practices and roles', async () => {
    const org = await t.newOrg();
    const patientId = await newPatient(t.db, org);
    const fd = t.as(org, 'front_desk');
    const missingLabel = await fd.post(`/api/patients/${patientId}/recalls`, { recallType: 'other', dueDate: '2026-06-01' });
    expect(missingLabel.statusCode).toBe(400);
    expect(missingLabel.json().errors[0].path).toBe('label');
    const badDate = await fd.post(`/api/patients/${patientId}/recalls`, { recallType: 'mammogram', dueDate: '06/01/2026' });
    expect(badDate.json().errors[0].path).toBe('dueDate');
    expect((await t.db.selectFrom('recalls').select('id').where('organization_id', '=', org.id).execute()).length).toBe(0);

    const r = await recall(org, patientId, { recallType: 'annual_physical', dueDate: '2026-06-01', providerId: org.providerId });
    expect(r).toMatchObject({ status: 'due', overdue: false, version: 1, lastContact: null });
    expect((await fd.patch(`/api/recalls/${r.id}`, { dueDate: '2026-07-01' })).statusCode).toBe(428);
    const edited = await fd.patch(`/api/recalls/${r.id}`, { dueDate: '2026-07-01', note: 'fasting labs first' }, { 'if-match': '"1"' });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.headers.etag).toBe('"2"');
    expect(edited.json()).toMatchObject({ dueDate: '2026-07-01', note: 'fasting labs first', version: 2 });
    const stale = await fd.patch(`/api/recalls/${r.id}`, { dueDate: '2026-08-01' }, { 'if-match': '"1"' });
    expect(stale.statusCode).toBe(412);
    const other = await fd.patch(`/api/recalls/${r.id}`, { recallType: 'other' }, { 'if-match': '"2"' });
    expect(other.statusCode).toBe(400);
    expect(other.json().errors[0].path).toBe('label');
    expect((await fd.get(`/api/patients/${patientId}/recalls`)).json().items[0]).toMatchObject({ id: r.id, dueDate: '2026-07-01' });
    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'recall')
      .where('action', '=', 'update')
      .execute();
    expect(audit).toEqual([
      expect.objectContaining({ changes: expect.objectContaining({ due_date: { before: '2026-06-01', after: '2026-07-01' } }) }),
    ]);

    const stranger = await t.newOrg();
    const sfd = t.as(stranger, 'front_desk');
    expect((await sfd.patch(`/api/recalls/${r.id}`, { note: 'x' }, { 'if-match': '"2"' })).statusCode).toBe(404);
    expect((await sfd.get(`/api/recalls/${r.id}/contacts`)).statusCode).toBe(404);
    expect((await sfd.post(`/api/recalls/${r.id}/contacts`, { method: 'phone', outcome: 'reached' })).statusCode).toBe(404);
    expect((await sfd.post(`/api/patients/${patientId}/recalls`, { recallType: 'lab', dueDate: '2026-06-01' })).statusCode).toBe(404);
    expect((await sfd.get('/api/recalls')).json().items).toEqual([]);
    expect((await t.as(org, 'biller').post(`/api/recalls/${r.id}/contacts`, { method: 'phone', outcome: 'reached' })).statusCode).toBe(403);
  });

  it('logs contacts (append-only, newest first) and moves the recall to contacted, then booked', async () => {
    const org = await t.newOrg();
    const patientId = await newPatient(t.db, org);
    const r = await recall(org, patientId, { recallType: 'mammogram', dueDate: '2026-02-01' });
    const fd = t.as(org, 'front_desk');
    const first = await fd.post(`/api/recalls/${r.id}/contacts`, {
      method: 'phone',
      outcome: 'no_answer',
      contactedAt: '2026-03-02T15:00:00Z',
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().recall).toMatchObject({ status: 'contacted', version: 2 });
    expect((await fd.post(`/api/recalls/${r.id}/contacts`, { method: 'pigeon', outcome: 'reached' })).json().errors[0].path).toBe('method');
    expect(
      (await fd.post(`/api/recalls/${r.id}/contacts`, { method: 'sms', outcome: 'reached', contactedAt: '2026-03-04T15:00:00Z' }))
        .statusCode,
    ).toBe(400);
    await fd.post(`/api/recalls/${r.id}/contacts`, { method: 'sms', outcome: 'left_message', note: 'Sent the link' });

    const log = await fd.get(`/api/recalls/${r.id}/contacts`);
    expect(log.statusCode).toBe(200);
    expect(log.headers.etag).toBe('"3"');
    expect(log.json().items.map((c: { outcome: string }) => c.outcome)).toEqual(['left_message', 'no_answer']);
    expect(log.json().items[0]).toMatchObject({
      method: 'sms',
      note: 'Sent the link',
      userId: org.users.front_desk.id,
      userName: expect.any(String),
    });
    const [listed] = (await fd.get('/api/recalls')).json().items as Recall[];
    expect(listed).toMatchObject({ id: r.id, status: 'contacted', lastContact: { outcome: 'left_message' }, contactCount: 2 });

    const booked = await fd.post(`/api/recalls/${r.id}/contacts`, { method: 'phone', outcome: 'booked' });
    expect(booked.json().recall.status).toBe('booked');
    const after = await fd.post(`/api/recalls/${r.id}/contacts`, { method: 'phone', outcome: 'reached', note: 'Confirmed the time' });
    expect(after.json().recall.status).toBe('booked');
    // Booked recalls leave the working list.
    expect((await fd.get('/api/recalls')).json().items).toEqual([]);
    // The log cannot be rewritten, even by a query that forgets the rules.
    await expect(t.db.updateTable('recall_contacts').set({ note: 'edited' }).where('recall_id', '=', r.id).execute()).rejects.toThrow(
      /permission denied/,
    );
    const closed = await fd.patch(`/api/recalls/${r.id}`, { status: 'closed' }, { 'if-match': `"${after.json().recall.version}"` });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await fd.post(`/api/recalls/${r.id}/contacts`, { method: 'phone', outcome: 'reached' })).statusCode).toBe(409);
  });

  it('lists overdue recalls oldest first, by the date at the desk’s location', async () => {
    /** A practice with recalls due 2025-12-01, 2026-03-01, 2026-03-02 and 2026-04-01, and a closed one. */
    async function desk() {
      const org = await t.newOrg();
      const fd = t.as(org, 'front_desk');
      const p = await newPatient(t.db, org);
      const oldest = await recall(org, p, { recallType: 'colonoscopy', dueDate: '2025-12-01' });
      const yesterday = await recall(org, p, { recallType: 'lab', label: 'A1c', dueDate: '2026-03-01' });
      const today = await recall(org, p, { recallType: 'annual_physical', dueDate: '2026-03-02' });
      const future = await recall(org, p, { recallType: 'wellness', dueDate: '2026-04-01' });
      const done = await recall(org, p, { recallType: 'mammogram', dueDate: '2026-01-15' });
      await fd.patch(`/api/recalls/${done.id}`, { status: 'closed' }, { 'if-match': '"1"' });
      const ids = async (query: string, headers: Record<string, string> = at(org.locationId)) => {
        const res = await fd.get(`/api/recalls${query}`, headers);
        expect(res.statusCode, res.body).toBe(200);
        return (res.json().items as Recall[]).map((r) => r.id);
      };
      return { org, fd, ids, oldest, yesterday, today, future, done };
    }
    try {
      // Monday evening at both locations: Monday's recall is not overdue yet.
      const monday = await desk();
      expect(await monday.ids('?overdue=true')).toEqual([monday.oldest.id, monday.yesterday.id]);
      expect(await monday.ids('?overdue=true', at(monday.org.secondLocationId))).toEqual([monday.oldest.id, monday.yesterday.id]);
      expect(await monday.ids('')).toEqual([monday.oldest.id, monday.yesterday.id, monday.today.id, monday.future.id]);
      expect(await monday.ids('?dueBefore=2026-03-02')).toEqual([monday.oldest.id, monday.yesterday.id]);
      expect(await monday.ids('?status=closed')).toEqual([monday.done.id]);
      const page = (await monday.fd.get('/api/recalls?limit=3', at(monday.org.locationId))).json();
      expect(await monday.ids(`?limit=3&cursor=${page.nextCursor}`)).toEqual([monday.future.id]);

      // 01:30 Tuesday in New York, still 23:30 Monday in Denver.
      clock.set('2026-03-03T06:30:00Z');
      const late = await desk();
      expect(await late.ids('?overdue=true')).toEqual([late.oldest.id, late.yesterday.id, late.today.id]);
      expect(await late.ids('?overdue=true', at(late.org.secondLocationId))).toEqual([late.oldest.id, late.yesterday.id]);
      const [first] = (await late.fd.get('/api/recalls?overdue=true', at(late.org.locationId))).json().items as Recall[];
      expect(first?.overdue).toBe(true);
    } finally {
      clock.set('2026-03-03T04:30:00Z');
    }
  });

  it('leaves a restricted patient’s recalls out for someone off the care team', async () => {
    const org = await t.newOrg();
    const secret = await newPatient(t.db, org, { restricted: true });
    await t.db
      .insertInto('patient_care_team')
      .values({ organization_id: org.id, patient_id: secret, user_id: org.users.nurse.id })
      .execute();
    const res = await t
      .as(org, 'nurse')
      .post(`/api/patients/${secret}/recalls`, { recallType: 'lab', label: 'Lipids', dueDate: '2026-02-01' });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.as(org, 'nurse').get('/api/recalls')).json().items).toHaveLength(1);
    expect((await t.as(org, 'front_desk').get('/api/recalls')).json().items).toEqual([]);
    expect((await t.as(org, 'front_desk').get(`/api/recalls/${res.json().id}/contacts`)).statusCode).toBe(404);
  });
});
