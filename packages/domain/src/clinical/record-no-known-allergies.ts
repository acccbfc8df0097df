import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { requireWritableChart } from './chart-access.ts';
import type { AllergyList } from './clinical.schemas.ts';
import { lockAllergies } from './allergy-lock.ts';
import { appendAllergyStatement } from './allergy-statement.ts';
import { readAllergyList } from './list-allergies.ts';

/**
 * Record that the patient has no known allergies (by whom, when): a dated statement, not an
 * empty list. Refused (409) while the patient has an active allergy: mark it inactive first.
 * Answers the allergy list with its new status.
 */
export async function recordNoKnownAllergies(ctx: Ctx, patientId: string): Promise<AllergyList> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'note:write');
    await lockAllergies(tx, patientId);
    const active = await tx.db
      .selectFrom('allergies')
      .select('substance')
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .where('status', '=', 'active')
      .execute();
    if (active.length > 0) {
      throw new AppError(
        'CONFLICT',
        `The patient has ${active.length === 1 ? 'an active allergy' : `${active.length} active allergies`} (${active
          .map((a) => a.substance)
          .join(', ')}): mark ${active.length === 1 ? 'it' : 'them'} inactive before recording no known allergies.`,
      );
    }
    await appendAllergyStatement(tx, patientId, 'nka', actorUserId(tx));
    await recordAudit(tx, { action: 'create', resourceType: 'allergy_statement', access, details: { status: 'nka' } });
    return readAllergyList(tx, patientId, access, false);
  });
}
