/** The demo's recall campaign: its email and text stages reached the patients who agreed to them, and that outreach stands as sent. */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// The demo as `npm start` seeds it (200 patients): the 60-patient test demo leaves no unbooked patient for the campaign to enrol.
const clock = new FakeClock('2026-03-04T10:30:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T10:30:00Z', 200) });

describe('demo recall campaign', () => {
  it('reports emails and texts sent; the messages are sent, none left queued, and the SMS account stays unset', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'office.manager@demo.clinicdesk.dev')
      .executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const campaign = ((await get('/api/campaigns')).json().items as { id: string; name: string }[]).find(
      (c) => c.name === 'Overdue recalls',
    );
    expect(campaign).toBeDefined();
    const report = (await get(`/api/campaigns/${campaign?.id}/report`)).json() as { stages: { stage: string; sent: number }[] };
    const sent = Object.fromEntries(report.stages.map((s) => [s.stage, s.sent]));
    expect(sent.email).toBeGreaterThan(0);
    expect(sent.sms).toBeGreaterThan(0);
    const outreach = await t.db
      .selectFrom('messages')
      .select(['channel', 'status', 'sent_at'])
      .where('organization_id', '=', org.id)
      .where('kind', '=', 'recall')
      .execute();
    expect(outreach.filter((m) => m.channel === 'email').length).toBe(sent.email);
    expect(outreach.filter((m) => m.channel === 'sms').length).toBe(sent.sms);
    expect(outreach.every((m) => m.status === 'sent' && m.sent_at !== null)).toBe(true);
    const admin = await t.db.selectFrom('users').select('id').where('email', '=', 'admin@demo.clinicdesk.dev').executeTakeFirstOrThrow();
    const adminSession = await createSession(t.db, clock, { userId: admin.id, organizationId: org.id, ip: null, userAgent: null });
    const settings = await t.app.inject({
      method: 'GET',
      url: '/api/comms/settings',
      headers: { authorization: `Bearer ${adminSession.token}` },
    });
    expect(settings.json()).toMatchObject({ smsReady: false });
  });
});
