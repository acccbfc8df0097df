/** The demo practice's claims: built from its signed encounters' charges, in several states (a draft held by a scrubber error, ready, submitted in a batch, and paid, partially paid, denied by the demo 835). */
import { createTestDatabase } from '@db/testing.ts';
import type { Database } from '@domain/database.ts';
import { createSession } from '@domain/identity/sessions.ts';
import { FakeClock } from '@domain/shared/clock.ts';
import { parse837P } from '@x12/index.ts';
import { describe, expect, it } from 'vitest';
import { temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { demoPractice } from '../helpers/demo-template.ts';
import { createTestApp } from '../helpers/test-app.ts';

// Wednesday 2026-03-04, 11:00 in New York.
const clock = new FakeClock('2026-03-04T16:00:00Z');
temporaryClaimsOutbox(); // before the app is built: it reads CLAIMS_OUTBOX_DIR
const t = await createTestApp({ clock, template: demoPractice('2026-03-04T16:00:00Z', 60) });
// Sunday 2026-12-06, one minute past midnight in New York: no visit in the last 24 hours (Saturday has none).
const midnight = await createTestDatabase<Database>({ template: demoPractice('2026-12-06T05:01:00Z', 60) });

describe('demo claims', () => {
  it('seeds claims in several states, one batch submitted, and a draft whose scrub names its error', async () => {
    const org = await t.db.selectFrom('organizations').select('id').executeTakeFirstOrThrow();
    const user = await t.db.selectFrom('users').select('id').where('email', '=', 'biller@demo.clinicdesk.dev').executeTakeFirstOrThrow();
    const { token } = await createSession(t.db, clock, { userId: user.id, organizationId: org.id, ip: null, userAgent: null });
    const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

    const claims = (await get('/api/claims?limit=200')).json().items as { id: string; status: string }[];
    const states = new Set(claims.map((c) => c.status));
    expect([...states].sort()).toEqual(['denied', 'draft', 'paid', 'partially_paid', 'ready', 'submitted']);
    // The demo 835 balances and shows on the claims: paid with the patient's copay, a denial in the queue.
    const paid = (await get(`/api/claims/${claims.find((c) => c.status === 'paid')?.id}`)).json();
    expect(paid.paidCents).toBeGreaterThan(0);
    expect(paid.patientResponsibilityCents).toBeGreaterThan(0);
    const denials = (await get('/api/denials')).json().items as { reasonCode: string }[];
    expect(denials.map((d) => d.reasonCode)).toEqual(expect.arrayContaining(['29', '50']));

    const draft = claims.find((c) => c.status === 'draft');
    const detail = (await get(`/api/claims/${draft?.id}`)).json() as { scrub: { errors: { rule: string; field: string }[] } };
    expect(detail.scrub.errors).toEqual([expect.objectContaining({ rule: 'REFERRING_NPI_CHECK_DIGIT', field: 'referringProvider.npi' })]);

    const batches = (await get('/api/claim-batches')).json().items as { id: string; claimCount: number }[];
    expect(batches).toHaveLength(1);
    expect(batches[0]?.claimCount).toBe(claims.filter((c) => ['submitted', 'paid', 'partially_paid', 'denied'].includes(c.status)).length);
    // Seeded by the system for the demo (purpose demo-seed:claims), not in the demo biller's name.
    const events = await t.db.selectFrom('claim_events').select('user_id').execute();
    expect(events.length).toBeGreaterThan(0);
    expect(events.filter((e) => e.user_id !== null)).toEqual([]);
    const writers = await t.db
      .selectFrom('audit_events')
      .select(['role', 'user_id'])
      .distinct()
      .where('resource_type', 'in', ['claim', 'claim_batch'])
      .where('action', '=', 'create')
      .execute();
    expect(writers).toEqual([{ role: 'system:demo-seed:claims', user_id: null }]);
    const x12 = await get(`/api/claim-batches/${batches[0]?.id}/837`);
    expect(parse837P(x12.body).batch.claims).toHaveLength(batches[0]?.claimCount ?? 0);
  });

  it("has claims in every state when seeded just after midnight, before any of the day's visits", async () => {
    const claims = await midnight.db.selectFrom('claims').select('status').execute();
    expect([...new Set(claims.map((c) => c.status))].sort()).toEqual(['denied', 'draft', 'paid', 'partially_paid', 'ready', 'submitted']);
  });
});
