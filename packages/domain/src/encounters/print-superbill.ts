import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { locationLetterhead, providersByIds } from '../organizations/index.ts';
import { getPatient } from '../patients/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import { loadEncounterFull, toEncounter } from './encounter-row.ts';
import { renderSuperbillPdf } from './superbill-pdf.ts';

/**
 * The encounter's superbill as a PDF: the location's letterhead, patient, rendering provider
 * with NPI, date of service, diagnoses with descriptions, procedures with modifiers, units,
 * pointers and the practice's default fee × units, and the total. Printing is audited.
 */
export async function printSuperbill(ctx: Ctx, id: string): Promise<Buffer> {
  requirePermission(ctx, 'note:read');
  return inTransaction(ctx, async (tx) => {
    const row = await loadEncounterFull(tx, id);
    const access = await requirePatientAccess(tx, row.patient_id, 'note:read');
    const [encounter, letterhead, [provider]] = await Promise.all([
      toEncounter(tx, row),
      locationLetterhead(tx, row.location_id),
      providersByIds(tx, [row.provider_id]),
    ]);
    if (!letterhead || !provider) throw notFound('encounter');
    // The patient's record (its read audited as such): name as written, birth date, MRN.
    const patient = await getPatient(tx, row.patient_id);
    await recordAudit(tx, { action: 'print', resourceType: 'superbill', resourceId: id, access });
    const { practice, location } = letterhead;
    return renderSuperbillPdf({
      letterhead: {
        practiceName: practice,
        locationName: location.name,
        addressLines: [
          location.addressLine1,
          location.addressLine2,
          [[location.city, location.state].filter(Boolean).join(', '), location.postalCode].filter(Boolean).join(' '),
        ].filter(Boolean),
        phone: location.phone,
      },
      patient: [patient.givenName, patient.middleName, patient.familyName, patient.suffix].filter(Boolean).join(' '),
      patientBirthDate: patient.birthDate,
      patientMrn: patient.mrn,
      provider: `${provider.givenName} ${provider.familyName}${provider.credentials ? `, ${provider.credentials}` : ''}`,
      providerNpi: provider.npi,
      dateOfService: encounter.dateOfService,
      status: encounter.status === 'signed' ? 'signed' : 'not yet signed',
      diagnoses: encounter.diagnoses,
      procedures: encounter.procedures.map((p) => ({
        code: p.code,
        description: p.description,
        modifiers: p.modifiers,
        units: p.units,
        pointers: p.diagnosisPointers,
        feeCents: p.feeCents,
      })),
    });
  });
}
