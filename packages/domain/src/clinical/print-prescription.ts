import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { listLocations, locationLetterhead, providersByIds } from '../organizations/index.ts';
import { getPatient } from '../patients/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { providerName } from './clinical-rows.ts';
import { renderPrescriptionPdf } from './prescription-pdf.ts';

/**
 * A prescription as a PDF to sign and hand over (no e-prescribing network): the location's
 * letterhead (the location asked for, else the request's, else the practice's first), the patient's name as
 * written, birth date and address, the drug, sig, quantity in figures and words, refills, DAW,
 * and the prescriber's name, NPI, DEA number and a signature line. Audited as `print`.
 */
export async function printPrescription(
  ctx: Ctx,
  patientId: string,
  prescriptionId: string,
  opts: { locationId?: string } = {},
): Promise<Buffer> {
  const access = await requirePatientAccess(ctx, patientId, 'prescription:write');
  return inTransaction(ctx, async (tx) => {
    const rx = await tx.db
      .selectFrom('prescriptions')
      .selectAll()
      .where('id', '=', prescriptionId)
      .where('patient_id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .executeTakeFirst();
    if (!rx) throw notFound('prescription');
    const [provider] = await providersByIds(tx, [rx.prescriber_provider_id]);
    if (!provider) throw notFound('prescriber');
    const locationId = opts.locationId ?? tx.locationId ?? (await listLocations(tx))[0]?.id;
    const letterhead = locationId ? await locationLetterhead(tx, locationId) : null;
    if (!letterhead) throw notFound('location');
    const { practice, location } = letterhead;
    // The patient's record read (audited as a read of the patient, break-glass included).
    const patient = await getPatient(tx, patientId);
    const a = patient.address;
    await recordAudit(tx, { action: 'print', resourceType: 'prescription', resourceId: rx.id, access });
    return renderPrescriptionPdf({
      practice,
      location: location.name,
      address: [
        location.addressLine1,
        location.addressLine2,
        [[location.city, location.state].filter(Boolean).join(', '), location.postalCode].filter(Boolean).join(' '),
      ].filter(Boolean),
      phone: location.phone,
      patient: {
        name: [patient.givenName, patient.middleName, patient.familyName, patient.suffix].filter(Boolean).join(' '),
        birthDate: patient.birthDate,
        address: a ? [a.line1, a.line2, `${a.city}, ${a.state} ${a.postalCode}`].filter((l): l is string => Boolean(l)) : [],
      },
      drug: { name: rx.drug_name, strength: rx.strength, form: rx.form },
      sig: rx.sig,
      quantity: Number(rx.quantity),
      quantityUnit: rx.quantity_unit,
      refills: rx.refills,
      dispenseAsWritten: rx.dispense_as_written,
      writtenDate: rx.written_date,
      prescriber: {
        name: providerName({ given_name: provider.givenName, family_name: provider.familyName, credentials: provider.credentials }),
        npi: provider.npi,
        deaNumber: rx.dea_number,
      },
    });
  });
}
