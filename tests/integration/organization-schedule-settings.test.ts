/**
 * The schedule's practice settings through GET/PATCH /api/organization/settings:
 * patient names in iCal feeds and the no-show delay. Validated, audited, settings:manage
 * only, and they change what the feed and the next booking do.
 */
import { parseOrganizationSettings } from '@domain/organizations/index.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import ICAL from 'ical.js';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { booking, newAppointmentType, newPatient, weeklyHours } from '../helpers/scheduling-factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04 08:30 in New York (the org's first location).
const clock = new FakeClock('2026-03-04T13:30:00Z');
const t = await createTestApp({ clock });

function summaries(ics: string): string[] {
  const cal = new ICAL.Component(ICAL.parse(ics));
  return cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary);
}

describe('schedule settings', () => {
  it('default to no names in feeds and 30 minutes before a no-show', async () => {
    const org = await t.newOrg();
    const res = await t.as(org, 'admin').get('/api/organization/settings');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ icalShowPatientNames: false, noShowAfterMinutes: 30 });
  });

  it('toggling icalShowPatientNames changes the feed, and each change is audited', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { name: 'Follow-up', duration: 20 });
    const patientId = await newPatient(t.db, org, { givenName: 'Ottoline' });
    const patient = await t.db
      .selectFrom('patients')
      .select(['given_name', 'family_name'])
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    const name = `${patient.given_name} ${patient.family_name}`;
    expect((await t.as(org, 'front_desk').post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T10:00'))).statusCode).toBe(
      201,
    );
    const admin = t.as(org, 'admin');
    let token = await admin.post(`/api/providers/${org.providerId}/ical-token`);
    expect(token.statusCode, token.body).toBe(201);
    // The answer says what the feed shows, so the screen never claims otherwise.
    expect(token.json().showsPatientNames).toBe(false);
    const feed = async () => (await t.app.inject({ method: 'GET', url: token.json().path })).body;

    expect(summaries(await feed())).toEqual(['Follow-up']);
    const on = await admin.patch('/api/organization/settings', { icalShowPatientNames: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json()).toMatchObject({ icalShowPatientNames: true, noShowAfterMinutes: 30 });
    expect(summaries(await feed())).toEqual([`Follow-up: ${name}`]);
    const renewed = await admin.post(`/api/providers/${org.providerId}/ical-token`);
    expect(renewed.json().showsPatientNames).toBe(true);
    token = renewed;
    const off = await admin.patch('/api/organization/settings', { icalShowPatientNames: false });
    expect(off.json().icalShowPatientNames).toBe(false);
    const body = await feed();
    expect(summaries(body)).toEqual(['Follow-up']);
    expect(body).not.toContain('Ottoline');

    const audit = await t.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('organization_id', '=', org.id)
      .where('resource_type', '=', 'organization_settings')
      .orderBy('seq')
      .execute();
    expect(audit.map((a) => a.changes)).toEqual([
      { icalShowPatientNames: { before: false, after: true } },
      { icalShowPatientNames: { before: true, after: false } },
    ]);
  });

  it('a new no-show delay applies to the next booking; other settings are left alone', async () => {
    const org = await t.newOrg();
    await weeklyHours(t.db, org);
    const typeId = await newAppointmentType(t.db, org, { duration: 20 });
    const admin = t.as(org, 'admin');
    // With MFA required, sessions of users without a second factor may only enrol: these users have one.
    await t.db.updateTable('users').set({ mfa_enabled: true }).where('organization_id', '=', org.id).execute();
    expect((await admin.patch('/api/organization/settings', { requireMfa: true, idleTimeoutSeconds: 600 })).statusCode).toBe(200);
    const res = await admin.patch('/api/organization/settings', { noShowAfterMinutes: 45 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ requireMfa: true, idleTimeoutSeconds: 600, icalShowPatientNames: false, noShowAfterMinutes: 45 });

    const patientId = await newPatient(t.db, org);
    const appt = await t.as(org, 'front_desk').post('/api/appointments', booking(org, patientId, typeId, '2026-03-04T11:00'));
    expect(appt.statusCode, appt.body).toBe(201);
    const job = await t.db
      .selectFrom('jobs')
      .select('run_at')
      .where('queue', '=', 'scheduling.no-show')
      .where('dedupe_key', '=', `no-show:${appt.json().id}`)
      .executeTakeFirstOrThrow();
    expect(job.run_at.toISOString()).toBe('2026-03-04T16:45:00.000Z');
  });

  it('refuses out-of-range or unknown values (400) and other roles (403); nothing changes', async () => {
    const org = await t.newOrg();
    const admin = t.as(org, 'admin');
    for (const body of [
      { noShowAfterMinutes: 4 },
      { noShowAfterMinutes: 241 },
      { noShowAfterMinutes: 30.5 },
      { icalShowPatientNames: 'yes' },
      { ical_show_patient_names: true },
    ]) {
      const res = await admin.patch('/api/organization/settings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await t.as(org, 'front_desk').patch('/api/organization/settings', { icalShowPatientNames: true })).statusCode).toBe(403);
    expect((await t.as(org, 'clinician').get('/api/organization/settings')).statusCode).toBe(403);
    expect((await admin.get('/api/organization/settings')).json()).toMatchObject({ icalShowPatientNames: false, noShowAfterMinutes: 30 });
  });

  it('reach scheduling through the organization_schedule_settings view, read as the settings API reads them', async () => {
    const org = await t.newOrg();
    // What the API writes, nothing stored, and malformed values both readers answer with the default.
    for (const stored of [
      {},
      { ical_show_patient_names: true, no_show_after_minutes: 45 },
      { ical_show_patient_names: false, no_show_after_minutes: 5, require_mfa: true, waitlist_offer_minutes: 20 },
      { no_show_after_minutes: 240.0 },
      { no_show_after_minutes: 0 },
      { ical_show_patient_names: 'true', no_show_after_minutes: 12.5 },
      { ical_show_patient_names: 1, no_show_after_minutes: -5 },
      { no_show_after_minutes: 'soon' },
    ]) {
      await sql`update organizations set settings = ${JSON.stringify(stored)}::jsonb where id = ${org.id}`.execute(t.db);
      const row = await t.db
        .selectFrom('organization_schedule_settings')
        .select(['ical_show_patient_names', 'no_show_after_minutes'])
        .where('organization_id', '=', org.id)
        .executeTakeFirstOrThrow();
      const parsed = parseOrganizationSettings(stored);
      expect(row, JSON.stringify(stored)).toEqual({
        ical_show_patient_names: parsed.icalShowPatientNames,
        no_show_after_minutes: parsed.noShowAfterMinutes,
      });
    }
  });
});
