import { mayOpenPatientSql, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { encountersWithApprovedCharges } from '../billing/index.ts';
import { primaryCoverageOn } from '../insurance/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { ClaimCandidate } from './claims.schemas.ts';

/**
 * Signed encounters ready to claim and no claim yet (newest date of service first, at most 100):
 * what "Create claim" offers, only what it will accept: every charge approved or void, and a
 * primary coverage in force on the date of service (self-pay visits are left out). Restricted
 * patients the caller may not open are left out.
 */
export async function listClaimCandidates(ctx: Ctx): Promise<{ items: ClaimCandidate[]; nextCursor: null }> {
  requirePermission(ctx, 'claim:submit');
  return inTransaction(ctx, async (tx) => {
    const encounters = await encountersWithApprovedCharges(tx, 500);
    if (encounters.length === 0) {
      await recordAudit(tx, { action: 'search', resourceType: 'claim', details: { count: 0 } });
      return { items: [], nextCursor: null };
    }
    const claimed = new Set(
      (
        await tx.db
          .selectFrom('claims')
          .select('encounter_id')
          .where('organization_id', '=', tx.organizationId)
          .where(
            'encounter_id',
            'in',
            encounters.map((e) => e.encounterId),
          )
          .execute()
      ).map((r) => r.encounter_id),
    );
    const unclaimed = encounters.filter((e) => !claimed.has(e.encounterId));
    // "Create claim" bills the primary coverage in force on the date of service: a self-pay visit is no candidate.
    const insured = await primaryCoverageOn(
      tx,
      unclaimed.map((e) => ({ patientId: e.patientId, date: e.dateOfService })),
    );
    const open = unclaimed.filter((e) => insured.has(`${e.patientId}|${e.dateOfService}`));
    const names = new Map(
      open.length
        ? (
            await tx.db
              .selectFrom('patient_names as p')
              .select(['p.id', 'p.given_name', 'p.family_name'])
              .where('p.organization_id', '=', tx.organizationId)
              .where(
                'p.id',
                'in',
                open.map((e) => e.patientId),
              )
              .where(mayOpenPatientSql(tx, 'p'))
              .execute()
          ).map((p) => [p.id, `${p.given_name} ${p.family_name}`])
        : [],
    );
    const items = open
      .filter((e) => names.has(e.patientId))
      .slice(0, 100)
      .map((e) => ({ ...e, patientName: names.get(e.patientId) ?? '' }));
    const patients = new Map<string, number>();
    for (const i of items) patients.set(i.patientId, (patients.get(i.patientId) ?? 0) + 1);
    if (patients.size === 0) await recordAudit(tx, { action: 'search', resourceType: 'claim', details: { count: 0 } });
    for (const [patientId, count] of patients)
      await recordAudit(tx, { action: 'search', resourceType: 'claim', patientId, details: { count } });
    return { items, nextCursor: null };
  });
}
