import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { AllergyList } from './clinical.schemas.ts';
import { toAllergy } from './clinical-rows.ts';
import { allergyStatement } from './allergy-statement.ts';

/** A patient's allergies (active first, newest first within each) and allergy status: unknown, no known allergies, or has allergies (audited). */
export async function listAllergies(ctx: Ctx, patientId: string): Promise<AllergyList> {
  const access = await requirePatientAccess(ctx, patientId, 'note:read');
  return inTransaction(ctx, (tx) => readAllergyList(tx, patientId, access));
}

/** The list and its statement, audited as a read; also the answer of the allergy writes. */
export async function readAllergyList(
  tx: Ctx,
  patientId: string,
  access: { patientId: string; breakGlass: boolean; grantId?: string | null },
  audit = true,
): Promise<AllergyList> {
  const rows = await tx.db
    .selectFrom('allergies')
    .selectAll()
    .where('organization_id', '=', tx.organizationId)
    .where('patient_id', '=', patientId)
    .orderBy((eb) => eb.case().when('status', '=', 'active').then(0).else(1).end())
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const statement = await allergyStatement(tx, patientId, rows.filter((r) => r.status === 'active').length);
  if (audit) {
    await recordAudit(tx, { action: 'read', resourceType: 'allergy', access, details: { count: rows.length, status: statement.status } });
  }
  return { ...statement, items: rows.map(toAllergy), nextCursor: null };
}
