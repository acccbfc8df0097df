import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { findIcd10Codes } from '../codes/index.ts';
import { localDateOf } from '../scheduling/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { ScrubMessage, ScrubResult } from './claim-snapshot.ts';
import { claimLines, lockClaim, toScrubClaim } from './claim-row.ts';
import { transitionClaim } from './claim-states.ts';
import type { ScrubAnswer } from './claims.schemas.ts';
import { runScrubRules, type ScrubContext } from './scrub-rules.ts';

type LockedClaim = Awaited<ReturnType<typeof lockClaim>>;

/** What the rules need from outside the claim: the practice's today, the code set's answers, duplicates. */
async function scrubContext(tx: Ctx, claim: LockedClaim, procedureCodes: string[]): Promise<ScrubContext> {
  const [icd10, zone, duplicates] = await Promise.all([
    findIcd10Codes(tx, claim.diagnoses),
    tx.db
      .selectFrom('location_directory')
      .select('time_zone')
      .where('organization_id', '=', tx.organizationId)
      .where('id', '=', claim.location_id)
      .executeTakeFirst(),
    procedureCodes.length
      ? tx.db
          .selectFrom('claims as c')
          .innerJoin('claim_lines as l', 'l.claim_id', 'c.id')
          .select('c.patient_control_number')
          .distinct()
          .where('c.organization_id', '=', tx.organizationId)
          .where('c.patient_id', '=', claim.patient_id)
          .where('c.date_of_service', '=', claim.date_of_service)
          .where('c.id', '<>', claim.id)
          // Claims of the same visit are its other payers' claims and its corrections, not duplicates.
          .where('c.encounter_id', '<>', claim.encounter_id)
          .where('l.procedure_code', 'in', procedureCodes)
          .execute()
      : [],
  ]);
  return {
    today: localDateOf(tx.clock.now().getTime(), zone?.time_zone ?? 'UTC'),
    icd10,
    duplicates: duplicates.map((d) => d.patient_control_number).sort(),
  };
}

/**
 * Run the scrubber on a draft or ready claim and keep the result on it. No errors and every
 * warning overridden: the claim becomes (or stays) `ready`; otherwise a ready claim goes back
 * to `draft`. A claim the clearinghouse (999) or the payer (277CA) rejected is reopened as a
 * draft first (out of its batch), so the corrected claim goes out again as the same original:
 * the payer never accepted it. Any other submitted claim: 409.
 */
export async function scrubClaim(ctx: Ctx, id: string): Promise<ScrubAnswer> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const claim = await lockClaim(tx, id);
    const access = await requirePatientAccess(tx, claim.patient_id, 'claim:submit');
    if (claim.status === 'rejected' || claim.status === 'payer_rejected') {
      await transitionClaim(
        tx,
        claim,
        'draft',
        `reopened for correction after the ${claim.status === 'rejected' ? 'clearinghouse' : 'payer'} rejected it`,
        {
          batch_id: null,
        },
      );
      claim.status = 'draft';
      claim.version += 1;
    }
    if (claim.status !== 'draft' && claim.status !== 'ready')
      throw new AppError('ILLEGAL_TRANSITION', `a ${claim.status} claim is not scrubbed again`);
    const lines = await claimLines(tx, id);
    const context = await scrubContext(
      tx,
      claim,
      lines.map((l) => l.procedureCode),
    );
    const found = runScrubRules(toScrubClaim(claim, lines), context);
    const overridden = new Set(
      (
        await tx.db
          .selectFrom('claim_overrides')
          .select('rule')
          .where('claim_id', '=', id)
          .where('organization_id', '=', tx.organizationId)
          .execute()
      ).map((o) => o.rule),
    );
    const warnings: ScrubMessage[] = found.warnings.map((w) => (overridden.has(w.rule) ? { ...w, overridden: true } : w));
    const clean = found.errors.length === 0 && warnings.every((w) => w.overridden);
    const result: ScrubResult = { at: tx.clock.now().toISOString(), errors: found.errors, warnings };
    await tx.db
      .updateTable('claims')
      .set({ last_scrub: JSON.stringify(result) })
      .where('id', '=', id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    const to = clean ? 'ready' : 'draft';
    if (to !== claim.status)
      await transitionClaim(
        tx,
        claim,
        to,
        clean
          ? `scrubbed: no errors${warnings.length ? `, ${warnings.length} warning(s) overridden` : ''}`
          : `scrub found ${found.errors.length} error(s) and ${warnings.filter((w) => !w.overridden).length} warning(s) to resolve`,
      );
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'claim',
      resourceId: id,
      access,
      changes: to !== claim.status ? { status: { before: claim.status, after: to } } : null,
      details: { scrub: { errors: found.errors.length, warnings: warnings.length } },
    });
    return { errors: found.errors, warnings };
  });
}
