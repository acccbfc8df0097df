/** The demo practice's texts: threads with replies, the desk's inbox, and an SMS account left unset (sending says so). */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// The same demo moment as followups-demo.test.ts: one seeded template for both.
const clock = new FakeClock('2026-03-04T10:30:00Z');
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T10:30:00Z', 60) });

describe('demo texts', () => {
  it('shows threads with replies and an inbox with a question and an unknown number; sending says texts are not set up', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const session = async (email: string) => {
      const user = await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
      const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
      return {
        get: (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } }),
        post: (url: string, payload: object) =>
          t.app.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } }),
      };
    };
    const desk = await session('front.desk@demo.clinicdesk.dev');
    const inbox = (await desk.get('/api/sms/inbox')).json().items as { patientId: string | null; body: string }[];
    expect(inbox.length).toBeGreaterThanOrEqual(2);
    expect(inbox.some((i) => i.patientId === null)).toBe(true);
    const asker = inbox.find((i) => i.patientId);
    expect(asker).toBeDefined();
    const thread = (await desk.get(`/api/patients/${asker?.patientId}/texts`)).json().items as { direction: string }[];
    expect(thread.map((m) => m.direction).sort()).toEqual(['inbound', 'outbound']);
    const sent = await desk.post(`/api/patients/${asker?.patientId}/texts`, { body: 'Yes, 9:15 works. See you then.' });
    expect(sent.statusCode).toBe(409);
    expect(sent.json().detail).toMatch(/not set up/);
    const admin = await session('admin@demo.clinicdesk.dev');
    expect((await admin.get('/api/comms/settings')).json()).toMatchObject({ smsReady: false });
  });
});
