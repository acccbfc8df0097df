/**
 * The demo practice's claims, built the way a biller would, by the system for the demo
 * (purpose `demo-seed:claims`: a biller's claim permissions, no user's name on the rows): the review
 * charges of the latest signed encounters whose patient has a primary coverage are approved,
 * claims built and scrubbed; one claim carries a mistyped referring NPI (a scrubber error, so it
 * stays a draft), the others become ready (warnings overridden with a reason), and the first two
 * ready ones go out in a batch (submitted).
 */
import { approveCharge, listCharges } from '../billing/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import { systemCtx } from '../shared/context.ts';
import { npiWithCheckDigit } from '../shared/validation.ts';
import { createClaim } from './create-claim.ts';
import { createClaimBatch } from './create-claim-batch.ts';
import { overrideWarning } from './override-warning.ts';
import { scrubClaim } from './scrub-claim.ts';

/** A valid NPI with its last digit changed: what a typo looks like. */
function mistypedNpi(): string {
  const good = npiWithCheckDigit('174839201');
  return good.slice(0, 9) + String((Number(good[9]) + 3) % 10);
}

export const seedClaimsDemo: DemoSeeder = async (demo) => {
  const ctx = systemCtx(demo.ctx.db, demo.ctx.clock, demo.organizationId, 'demo-seed:claims', demo.ctx.requestId, {
    baseDb: demo.ctx.baseDb,
  });
  // The last three weeks' visits: well inside every demo payer's filing limit.
  const from = new Date(ctx.clock.now().getTime() - 21 * 86_400_000).toISOString().slice(0, 10);
  const charges = (await listCharges(ctx, { limit: 200, from })).items;
  const encounters = [...new Set(charges.filter((c) => c.status === 'review').map((c) => c.encounterId))].reverse();
  const claims: string[] = [];
  for (const encounterId of encounters) {
    if (claims.length >= 6) break;
    const mine = charges.filter((c) => c.encounterId === encounterId);
    if (mine.some((c) => c.status === 'needs_price')) continue;
    for (const c of mine) if (c.status === 'review') await approveCharge(ctx, c.id, c.version);
    try {
      const claim = await createClaim(ctx, {
        encounterId,
        ...(claims.length === 0 ? { referringProvider: { givenName: 'Alan', familyName: 'Brooks', npi: mistypedNpi() } } : {}),
      });
      claims.push(claim.id);
    } catch (e) {
      // No primary coverage in force on the date of service: this visit stays a self-pay visit.
      if ((e as { code?: string }).code !== 'CONFLICT') throw e;
    }
  }
  const ready: string[] = [];
  for (const id of claims) {
    let result = await scrubClaim(ctx, id);
    if (result.errors.length === 0 && result.warnings.length > 0) {
      for (const w of result.warnings)
        await overrideWarning(ctx, id, { rule: w.rule, reason: 'Checked with the payer portal: file as is.' });
      result = await scrubClaim(ctx, id);
    }
    if (result.errors.length === 0) ready.push(id);
  }
  if (ready.length >= 3) await createClaimBatch(ctx, { claimIds: ready.slice(0, 2) });
};
