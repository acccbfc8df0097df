/** The demo practice's letters and staff messages: the six templates, letters in the mail log that print, and a refill request in the clinician's queue. */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York.
const clock = new FakeClock('2026-03-04T16:00:00Z');
temporaryClaimsOutbox();
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

async function as(email: string) {
  const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
  const user = await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
  return (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
}

describe('demo letters and staff messages', () => {
  it('has the six templates, a mail log whose letters print, and work in the staff inbox', async () => {
    const get = await as('front.desk@demo.clinicdesk.dev');
    const templates = (await get('/api/letter-templates')).json() as { items: { name: string; kind: string }[] };
    expect(templates.items.map((x) => `${x.kind}:${x.name}`).sort()).toEqual([
      'batch:Balance reminder',
      'batch:Practice closure notice',
      'batch:Recall reminder',
      'single:Referral letter',
      'single:Results letter',
      'single:Work or school note',
    ]);
    const log = (await get('/api/letters?limit=200')).json() as { items: { id: string; title: string; batchId: string | null }[] };
    expect(
      log.items
        .filter((l) => !l.batchId)
        .map((l) => l.title)
        .sort(),
    ).toEqual(['Results letter', 'Work or school note']);
    expect(log.items.filter((l) => l.batchId).length).toBeGreaterThan(0);
    const letter = log.items.find((l) => l.title === 'Results letter');
    const pdf = await get(`/api/letters/${letter?.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    const clinician = await as('clinician@demo.clinicdesk.dev');
    const box = (await clinician('/api/staff-threads')).json() as { items: { kind: string; unread: boolean }[] };
    expect(box.items).toContainEqual(expect.objectContaining({ kind: 'refill_request', unread: true }));
    expect((await clinician('/api/staff-threads/unread-count')).json().unread).toBeGreaterThan(0);
    expect(((await get('/api/staff-threads?status=any')).json() as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2);
  });
});
