/**
 * ERA replay at the same moment: two imports of one 835 sent together post each claim exactly
 * once (the database's unique key on payment, claim and CLP02 decides; the second import waits for
 * the first's rows and then counts them as already posted), and the payment with its PLB lines is
 * kept once.
 */
import { describe, expect, it } from 'vitest';
import { billingPractice, temporaryClaimsOutbox } from '../helpers/claim-fixtures.ts';
import { clp, era, sentClaim, X12 } from '../helpers/remittance-fixtures.ts';
import { createTestApp } from '../helpers/test-app.ts';

temporaryClaimsOutbox();
const t = await createTestApp();

describe('835 posting under concurrency', () => {
  it('posts one file sent twice at the same moment exactly once', async () => {
    const p = await billingPractice(t);
    const claims = [await sentClaim(t, p), await sentClaim(t, p), await sentClaim(t, p)];
    const file = era(
      claims.map((c) => clp(c, [])),
      { trace: 'SAME-MOMENT', plb: [{ reasonCode: 'L6', amountCents: -250 }] },
    );
    const [a, b] = await Promise.all([
      t.as(p.org, 'biller').post('/api/remittances', file, X12),
      t.as(p.org, 'biller').post('/api/remittances', file, X12),
    ]);
    expect(a?.statusCode, a?.body).toBe(201);
    expect(b?.statusCode, b?.body).toBe(201);
    const answers = [a?.json(), b?.json()];
    expect(answers.map((x) => x.claimsPosted).sort()).toEqual([0, 3]);
    expect(answers.map((x) => x.claimsAlreadyPosted).sort()).toEqual([0, 3]);
    const posted = await t.db.selectFrom('remittance_claims').select('claim_id').where('organization_id', '=', p.org.id).execute();
    expect(posted.map((r) => r.claim_id).sort()).toEqual(claims.map((c) => c.id).sort());
    const payments = await t.db.selectFrom('remittance_payments').select('id').where('organization_id', '=', p.org.id).execute();
    expect(payments).toHaveLength(1);
    const plb = await t.db
      .selectFrom('remittance_provider_adjustments')
      .select('amount_cents')
      .where('organization_id', '=', p.org.id)
      .execute();
    expect(plb.map((r) => Number(r.amount_cents))).toEqual([-250]);
    for (const c of claims) {
      const claim = (await t.as(p.org, 'biller').get(`/api/claims/${c.id}`)).json();
      expect(claim).toMatchObject({ status: 'paid', paidCents: c.totalChargeCents });
      expect(claim.timeline.filter((e: { to: string }) => e.to === 'paid')).toHaveLength(1);
    }
  }, 120_000);
});
