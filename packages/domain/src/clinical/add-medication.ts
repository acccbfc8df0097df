import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { chartToday, requireWritableChart } from './chart-access.ts';
import { type Medication, type MedicationInput, STOP_BEFORE_START } from './clinical.schemas.ts';
import { medicationPrescriber } from './medication-prescriber.ts';
import { readMedication } from './medication-row.ts';

/** Add a medication the patient takes (from here or an outside prescriber). A stopped one defaults its stop date to today. */
export async function addMedication(ctx: Ctx, patientId: string, input: MedicationInput): Promise<Medication> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'note:write');
    const prescriber = await medicationPrescriber(tx, input);
    const stopDate = input.stopDate ?? (input.status === 'stopped' ? await chartToday(tx) : null);
    if (stopDate && input.startDate && stopDate < input.startDate) throw invalid('stopDate', STOP_BEFORE_START);
    const row = await tx.db
      .insertInto('medications')
      .values({
        organization_id: tx.organizationId,
        patient_id: patientId,
        name: input.name,
        dose: input.dose,
        route: input.route,
        frequency: input.frequency,
        start_date: input.startDate,
        stop_date: stopDate,
        ...prescriber,
        status: input.status,
        note: input.note,
        created_by: actorUserId(tx),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, { action: 'create', resourceType: 'medication', resourceId: row.id, access });
    return readMedication(tx, patientId, row.id);
  });
}
