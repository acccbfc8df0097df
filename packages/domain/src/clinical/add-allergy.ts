import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { requireWritableChart } from './chart-access.ts';
import type { Allergy, AllergyInput } from './clinical.schemas.ts';
import { toAllergy } from './clinical-rows.ts';
import { lockAllergies } from './allergy-lock.ts';
import { appendAllergyStatement } from './allergy-statement.ts';

/** Record an allergy. An active one ends a "no known allergies" statement (the status becomes has_allergies). */
export async function addAllergy(ctx: Ctx, patientId: string, input: AllergyInput): Promise<Allergy> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'note:write');
    await lockAllergies(tx, patientId);
    const row = await tx.db
      .insertInto('allergies')
      .values({
        organization_id: tx.organizationId,
        patient_id: patientId,
        substance: input.substance,
        reaction: input.reaction,
        severity: input.severity,
        status: input.status,
        onset_date: input.onsetDate,
        note: input.note,
        created_by: actorUserId(tx),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    if (row.status === 'active') await appendAllergyStatement(tx, patientId, 'has_allergies', actorUserId(tx));
    await recordAudit(tx, { action: 'create', resourceType: 'allergy', resourceId: row.id, access });
    return toAllergy(row);
  });
}
