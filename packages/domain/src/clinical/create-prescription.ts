import { recordAudit } from '../audit/index.ts';
import { providersByIds } from '../organizations/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { chartToday, requireWritableChart } from './chart-access.ts';
import type { Medication, Prescription, PrescriptionInput } from './clinical.schemas.ts';
import { toPrescription } from './clinical-rows.ts';
import { readMedication } from './medication-row.ts';

/**
 * Record a prescription written here (clinicians only: `prescription:write`). The prescriber
 * is a provider of the practice (default: the one linked to the signed-in clinician); their
 * NPI comes from the provider, the DEA number as entered (checked). It adds an active
 * medication to the patient's list, or renews the one named by `medicationId`. Nothing is
 * sent anywhere: the prescription is printed (printPrescription).
 */
export async function createPrescription(
  ctx: Ctx,
  patientId: string,
  input: PrescriptionInput,
): Promise<{ prescription: Prescription; medication: Medication }> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'prescription:write');
    const prescriberId = input.prescriberId ?? (tx.actor.kind === 'user' ? tx.actor.providerId : null);
    if (!prescriberId) throw invalid('prescriberId', 'Choose the prescribing provider.');
    const [provider] = await providersByIds(tx, [prescriberId]);
    if (!provider?.active) throw invalid('prescriberId', 'Choose an active provider of the practice.');
    const writtenDate = input.writtenDate ?? (await chartToday(tx));

    let medicationId: string;
    const renewed = Boolean(input.medicationId);
    if (input.medicationId) {
      const med = await tx.db
        .selectFrom('medications')
        .select('id')
        .where('id', '=', input.medicationId)
        .where('patient_id', '=', patientId)
        .where('organization_id', '=', tx.organizationId)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (!med) throw invalid('medicationId', "Choose one of the patient's active medications, or leave it empty to add a new one.");
      medicationId = med.id;
    } else {
      const med = await tx.db
        .insertInto('medications')
        .values({
          organization_id: tx.organizationId,
          patient_id: patientId,
          name: input.drugName,
          dose: input.strength,
          route: input.route,
          frequency: (input.frequency ?? input.sig.replace(/\s+/g, ' ')).slice(0, 200),
          start_date: writtenDate,
          prescriber_provider_id: provider.id,
          status: 'active',
          created_by: actorUserId(tx),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      medicationId = med.id;
      await recordAudit(tx, { action: 'create', resourceType: 'medication', resourceId: medicationId, access });
    }

    const row = await tx.db
      .insertInto('prescriptions')
      .values({
        organization_id: tx.organizationId,
        patient_id: patientId,
        medication_id: medicationId,
        drug_name: input.drugName,
        strength: input.strength,
        form: input.form,
        sig: input.sig,
        quantity: input.quantity,
        quantity_unit: input.quantityUnit,
        refills: input.refills,
        dispense_as_written: input.dispenseAsWritten,
        prescriber_provider_id: provider.id,
        dea_number: input.deaNumber,
        written_date: writtenDate,
        note: input.note,
        created_by: actorUserId(tx),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'prescription',
      resourceId: row.id,
      access,
      details: { medicationId, renewed },
    });
    return { prescription: toPrescription(row, provider), medication: await readMedication(tx, patientId, medicationId) };
  });
}
