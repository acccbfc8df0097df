/** The demo practice's statements: a run five weeks ago and today's, where guarantors who still owe get a second notice. */
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { describe, expect, it } from 'vitest';
import { temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York.
const clock = new FakeClock('2026-03-04T16:00:00Z');
temporaryClaimsOutbox(); // before the app is built: it reads CLAIMS_OUTBOX_DIR
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });

describe('demo statements', () => {
  it('seeds two runs, today’s with a second notice, each statement printable', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'biller@demo.clinicdesk.dev').executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const runs = (await get('/api/statement-runs')).json().items as { id: string; asOf: string; statementCount: number }[];
    expect(runs).toHaveLength(2);
    expect(runs[0]?.asOf).toBe('2026-03-04');
    expect(runs.every((r) => r.statementCount > 0)).toBe(true);
    const today = (await get(`/api/statement-runs/${runs[0]?.id}`)).json() as {
      statements: { items: { id: string; dunningLevel: string }[] };
    };
    expect(today.statements.items.map((s) => s.dunningLevel)).toContain('second');
    const pdf = await get(`/api/statements/${today.statements.items[0]?.id}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
  }, 300_000);
});
