/**
 * What the payers before a secondary (or tertiary) claim decided about the same visit, frozen into
 * its snapshot: loops 2320/2330A/2330B (the claim level) and 2430 (per line) of its 837P.
 */
import type { Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { SnapshotAdjustment, SnapshotOtherPayer } from './claim-snapshot.ts';
import { claimLines } from './claim-row.ts';
import { getClaimAdjudication } from './get-claim-adjudication.ts';

const BEFORE: Record<string, readonly ('primary' | 'secondary')[]> = {
  primary: [],
  secondary: ['primary'],
  tertiary: ['primary', 'secondary'],
};
const RESPONSIBILITY = { primary: 'P', secondary: 'S' } as const;

/** Adjustments with each group's together, groups in first-seen order (as CAS segments carry them). */
export function byGroup(list: { group: string; reasonCode: string; amountCents: number }[]): SnapshotAdjustment[] {
  const groups = [...new Set(list.map((a) => a.group))];
  return groups.flatMap((g) =>
    list.filter((a) => a.group === g).map((a) => ({ group: a.group, reasonCode: a.reasonCode, amountCents: a.amountCents })),
  );
}

/**
 * The adjudication of each payer before `priority` for the encounter: the newest claim (not a void)
 * to that payer position must have its remittance posted. None, or not yet adjudicated: 409 naming why.
 * `chargeIds` are the new claim's lines in order: an earlier line is matched to the new one billing
 * the same charge (a line the earlier claim did not bill gets no 2430).
 */
export async function earlierPayers(
  tx: Ctx,
  o: { encounterId: string; priority: string; chargeIds: string[]; today: string },
): Promise<SnapshotOtherPayer[]> {
  const out: SnapshotOtherPayer[] = [];
  const positions = BEFORE[o.priority] ?? [];
  if (positions.length === 0) return out;
  const claims = await tx.db
    .selectFrom('claims as c')
    .innerJoin('claim_snapshots as s', 's.claim_id', 'c.id')
    .select(['c.id', 'c.patient_control_number', 'c.status', 's.snapshot'])
    .where('c.organization_id', '=', tx.organizationId)
    .where('c.encounter_id', '=', o.encounterId)
    .where('c.frequency_code', '<>', '8')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
  for (const position of positions) {
    const earlier = claims.find((c) => c.snapshot.coverage.priority === position);
    if (!earlier)
      throw new AppError(
        'CONFLICT',
        `a ${o.priority} claim needs the ${position} payer's decision first: the visit has no ${position} claim`,
        {
          errors: [{ path: 'coverageId', message: `Bill the ${position} payer first; its remittance must be posted.` }],
        },
      );
    const adjudication = await getClaimAdjudication(tx, earlier.id);
    if (!adjudication)
      throw new AppError(
        'CONFLICT',
        `a ${o.priority} claim needs the ${position} payer's decision first: claim ${earlier.patient_control_number} (${earlier.status}) has no remittance posted`,
        {
          errors: [
            {
              path: 'coverageId',
              message: `The ${position} claim ${earlier.patient_control_number} is not adjudicated yet; post its remittance first.`,
            },
          ],
        },
      );
    const earlierLines = await claimLines(tx, earlier.id);
    const s = earlier.snapshot;
    out.push({
      claimId: earlier.id,
      patientControlNumber: earlier.patient_control_number,
      payerClaimControlNumber: adjudication.payerClaimControlNumber ?? null,
      responsibility: RESPONSIBILITY[position],
      payer: { name: s.payer.name, ediPayerId: s.payer.ediPayerId },
      subscriber: {
        givenName: s.subscriber.givenName,
        familyName: s.subscriber.familyName,
        memberId: s.subscriber.memberId,
        groupNumber: s.subscriber.groupNumber,
        relationship: s.subscriber.relationship,
      },
      paidCents: adjudication.paidCents,
      patientResponsibilityCents: adjudication.patientResponsibilityCents,
      adjudicationDate: adjudication.paidDate ?? o.today,
      adjustments: byGroup(adjudication.adjustments),
      lines: adjudication.lines
        .flatMap((l) => {
          const chargeId = earlierLines.find((e) => e.lineNumber === l.lineNumber)?.chargeId;
          const index = chargeId ? o.chargeIds.indexOf(chargeId) : -1;
          return index < 0
            ? []
            : [{ lineNumber: index + 1, paidCents: l.paidCents, adjustments: byGroup(l.adjustments), remarkCodes: l.remarkCodes }];
        })
        .sort((a, b) => a.lineNumber - b.lineNumber),
    });
  }
  return out;
}
