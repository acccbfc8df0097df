import type { Ctx } from '../shared/context.ts';

export interface RefillMedication {
  id: string;
  name: string;
  dose: string;
  /** The practice's provider who prescribed it; null for an outside prescriber. */
  prescriberProviderId: string | null;
  /** The outside prescriber's name as given (null for a provider of the practice). */
  prescriberName: string | null;
}

/**
 * A patient's active medications as a refill request needs them (name, dose, who prescribed):
 * for the staff inbox, which routes the request to the prescriber. No access check or audit of
 * its own: the caller has checked access to the patient and audits its use in its transaction.
 * `medicationId` narrows it to one (a stopped one is not refilled, so it is not found).
 */
export async function medicationsForRefill(ctx: Ctx, patientId: string, medicationId?: string): Promise<RefillMedication[]> {
  let q = ctx.db
    .selectFrom('medications')
    .select(['id', 'name', 'dose', 'prescriber_provider_id', 'prescriber_name'])
    .where('organization_id', '=', ctx.organizationId)
    .where('patient_id', '=', patientId)
    .where('status', '=', 'active')
    .orderBy('name')
    .orderBy('id')
    .limit(100);
  if (medicationId) q = q.where('id', '=', medicationId);
  return (await q.execute()).map((r) => ({
    id: r.id,
    name: r.name,
    dose: r.dose,
    prescriberProviderId: r.prescriber_provider_id,
    prescriberName: r.prescriber_name,
  }));
}
