/**
 * The demo practice's encounters: signed notes for the visits already seen today and for
 * earlier visits (codes from the demo procedure list, billable diagnoses, vitals), two open
 * drafts for patients in the rooms, templates for the demo visit types, quick texts; the
 * signed notes' follow-ups are on the worklist. All readable through the API as the clinician.
 */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York: a morning of visits seen, some in the rooms.
const clock = new FakeClock('2026-03-04T16:00:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

describe('demo encounters', () => {
  it('seeds signed notes, two open drafts, templates and quick texts, readable by the clinician', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const clinician = await t.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select('users.id')
      .where('user_roles.role', '=', 'clinician')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: clinician.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const rows = await t.db.selectFrom('encounters').select(['id', 'status', 'appointment_id', 'patient_id']).execute();
    const signed = rows.filter((r) => r.status === 'signed');
    const open = rows.filter((r) => r.status === 'open');
    expect(open).toHaveLength(2);
    expect(open.every((r) => r.appointment_id !== null)).toBe(true);
    expect(signed.filter((r) => r.appointment_id !== null).length).toBeGreaterThan(0);
    expect(signed.filter((r) => r.appointment_id === null).length).toBeGreaterThan(10);

    const one = (await get(`/api/encounters/${signed.find((r) => r.appointment_id)?.id}`)).json();
    expect(one.status).toBe('signed');
    expect(one.note.subjective.length).toBeGreaterThan(40);
    expect(one.vitals.bmi).toBeGreaterThan(15);
    expect(one.diagnoses.length).toBeGreaterThan(0);
    // Every code is a billable one with its description, every procedure on the fee list and pointing at a diagnosis.
    for (const d of one.diagnoses) expect(d.description).not.toBe('');
    for (const p of one.procedures) {
      expect(p.feeCents).toBeGreaterThan(0);
      expect(p.diagnosisPointers.length).toBeGreaterThan(0);
      expect(Math.max(...p.diagnosisPointers)).toBeLessThanOrEqual(one.diagnoses.length);
    }
    const timeline = (await get(`/api/patients/${signed[0]?.patient_id}/encounters`)).json();
    expect(timeline.items.length).toBeGreaterThan(0);

    const templates = (await get('/api/note-templates')).json().items.map((x: { name: string; appointmentTypeId: string | null }) => x);
    expect(templates.map((x: { name: string }) => x.name)).toEqual(['Annual physical', 'Follow-up visit', 'New patient visit']);
    expect(templates.every((x: { appointmentTypeId: string | null }) => x.appointmentTypeId !== null)).toBe(true);
    const quick = (await get('/api/quick-texts')).json().items.map((x: { abbreviation: string }) => x.abbreviation);
    expect(quick).toEqual(expect.arrayContaining(['.normalexam', '.ros', '.nkda']));
    // The administrator maintains them without reading notes: the list they edit is theirs to see.
    const admin = await t.db.selectFrom('users').select('id').where('email', '=', 'admin@demo.clinicdesk.dev').executeTakeFirstOrThrow();
    const adminToken = (await createSession(t.db, clock, { userId: admin.id, organizationId: org.id, ip: null, userAgent: null })).token;
    for (const url of ['/api/note-templates', '/api/quick-texts']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${adminToken}` } });
      expect(res.statusCode, url).toBe(200);
      expect(res.json().items.length, url).toBeGreaterThanOrEqual(3);
    }
    const note = await t.app.inject({
      method: 'GET',
      url: `/api/encounters/${one.id}`,
      headers: { authorization: `Bearer ${adminToken}` },
    });
    expect(note.statusCode).toBe(403);

    const withFollowUp = await t.db
      .selectFrom('encounters')
      .select('id')
      .where('status', '=', 'signed')
      .where('follow_up_in_days', 'is not', null)
      .execute();
    expect(withFollowUp.length).toBeGreaterThan(0);
    const onWorklist = await t.db
      .selectFrom('follow_ups')
      .select('encounter_id')
      .where(
        'encounter_id',
        'in',
        withFollowUp.map((e) => e.id),
      )
      .execute();
    expect(onWorklist).toHaveLength(withFollowUp.length);
  });
});
