/**
 * The demo practice's claims, built the way a biller would, by the system for the demo
 * (purpose `demo-seed:claims`: a biller's claim permissions, no user's name on the rows): the review
 * charges of the latest signed encounters whose patient has a primary coverage are approved,
 * claims built and scrubbed; one claim carries a mistyped referring NPI (a scrubber error, so it
 * stays a draft), the others become ready (warnings overridden with a reason), and four ready ones
 * go out in a batch (submitted); the payer's 835 then pays one, pays part of another and denies a
 * third (with fewer ready claims: two go out and stay submitted).
 */
import { build835, type CasAdjustment } from '@x12/index.ts';
import { approveCharge, listCharges } from '../billing/index.ts';
import type { DemoSeeder } from '../demo/index.ts';
import { type Ctx, systemCtx } from '../shared/context.ts';
import { npiWithCheckDigit } from '../shared/validation.ts';
import { createClaim } from './create-claim.ts';
import { createClaimBatch } from './create-claim-batch.ts';
import type { Claim } from './claims.schemas.ts';
import { getClaim } from './get-claim.ts';
import { importRemittance } from './import-remittance.ts';
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
  if (ready.length < 3) return;
  // With enough ready claims, four go out and the payer's 835 pays one, pays part of another and
  // denies a third (the fourth waits); otherwise two go out and stay submitted.
  const sent = ready.slice(0, ready.length >= 5 ? 4 : 2);
  await createClaimBatch(ctx, { claimIds: sent });
  if (sent.length < 4) return;
  const loaded = await Promise.all(sent.map((id) => getClaim(ctx, id)));
  await importRemittance(ctx, demoRemittance(ctx, remittanceRoles(loaded)));
};

/**
 * Which sent claims the demo 835 pays, pays in part and denies, in that order. The partly paid
 * claim needs a second line for the payer to deny: it is the first sent claim that has one (with
 * none, the first sent claim, which is then simply paid in full: every demo visit but one has two
 * lines). The others keep their order: paid, then denied; a fourth sent claim is not in the 835
 * and stays submitted.
 */
export function remittanceRoles<C extends { lines: readonly unknown[] }>(sent: readonly C[]): [paid: C, part: C, denied: C] {
  if (sent.length < 3) throw new Error('the demo 835 needs three sent claims');
  const rest = [...sent];
  const twoLines = rest.findIndex((c) => c.lines.length > 1);
  const [part] = rest.splice(twoLines === -1 ? 0 : twoLines, 1) as [C];
  const [paid, denied] = rest as [C, C];
  return [paid, part, denied];
}

/** The payer's 835 for three sent claims: paid (contractual CO-45, copay PR-3), partially paid (CO-50 on its last line), denied (CO-29). */
function demoRemittance(ctx: Ctx, claims: [Claim, Claim, Claim]): string {
  const line = (
    l: { procedureCode: string; modifiers: string[]; units: number; chargeCents: number },
    paidCents: number,
    adjustments: CasAdjustment[],
    remarkCodes: string[] = [],
  ) => ({
    procedureCode: l.procedureCode,
    modifiers: l.modifiers,
    units: l.units,
    chargeCents: l.chargeCents,
    paidCents,
    adjustments,
    remarkCodes,
  });
  const clps = claims.map((c, i) => {
    const lines = c.lines.map((l, n) => {
      if (i === 2) return line(l, 0, [{ group: 'CO', reasonCode: '29', amountCents: l.chargeCents }]);
      if (i === 1 && n === c.lines.length - 1 && c.lines.length > 1)
        return line(l, 0, [{ group: 'CO', reasonCode: '50', amountCents: l.chargeCents }], ['N115']);
      // The payer allows 80 %; the first line carries the patient's copay.
      const allowed = Math.round(l.chargeCents * 0.8);
      const copay = n === 0 ? Math.min(2500, allowed) : 0;
      return line(l, allowed - copay, [
        { group: 'CO', reasonCode: '45', amountCents: l.chargeCents - allowed },
        ...(copay ? [{ group: 'PR', reasonCode: '3', amountCents: copay }] : []),
      ]);
    });
    return {
      patientControlNumber: c.patientControlNumber,
      statusCode: i === 2 ? '4' : '1',
      chargeCents: c.totalChargeCents,
      paidCents: lines.reduce((t, l) => t + l.paidCents, 0),
      patientResponsibilityCents: lines.flatMap((l) => l.adjustments).reduce((t, a) => t + (a.group === 'PR' ? a.amountCents : 0), 0),
      payerClaimControlNumber: `DEMO${c.patientControlNumber}`,
      adjustments: [],
      lines,
    };
  });
  const date = ctx.clock.now().toISOString().slice(0, 10);
  const payer = claims[0]?.payerName ?? 'DEMO PAYER';
  return build835(
    {
      sender: { id: 'DEMOPAYER' },
      receiver: { id: 'DEMOPRACTICE' },
      payment: { amountCents: clps.reduce((t, c) => t + c.paidCents, 0), date },
      traceNumber: `DEMO${date.replaceAll('-', '')}`,
      payer: { name: payer.toUpperCase().replace(/[^A-Z0-9 ]/g, ''), id: '00001' },
      payee: { name: 'DEMO PRACTICE', npi: npiWithCheckDigit('174839201') },
      claims: clps,
    },
    { controlNumbers: { interchange: 1, group: 1, transactions: [1] }, usageIndicator: 'T', date, time: '0900' },
  );
}
