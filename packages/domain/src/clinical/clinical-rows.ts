/** Rows of the clinical tables as the API answers them. */
import type { Selectable } from 'kysely';
import type { AllergiesTable, MedicationsTable, PrescriptionsTable, ProblemsTable } from './clinical.tables.ts';
import type { Allergy, Medication, Prescription, Problem } from './clinical.schemas.ts';

const iso = (d: Date) => d.toISOString();

export function toProblem(r: Selectable<ProblemsTable>): Problem {
  return {
    id: r.id,
    patientId: r.patient_id,
    code: r.code,
    billable: r.billable,
    description: r.description,
    onsetDate: r.onset_date,
    status: r.status,
    resolvedDate: r.resolved_date,
    note: r.note,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

export function toAllergy(r: Selectable<AllergiesTable>): Allergy {
  return {
    id: r.id,
    patientId: r.patient_id,
    substance: r.substance,
    reaction: r.reaction,
    severity: r.severity,
    status: r.status,
    onsetDate: r.onset_date,
    note: r.note,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** A provider's name as a prescription or a medication list shows it: "Maria Lopez, MD". */
export const providerName = (p: { given_name: string; family_name: string; credentials: string }) =>
  `${p.given_name} ${p.family_name}${p.credentials ? `, ${p.credentials}` : ''}`;

export type MedicationRow = Selectable<MedicationsTable> & {
  pr_given_name: string | null;
  pr_family_name: string | null;
  pr_credentials: string | null;
};

export function toMedication(r: MedicationRow): Medication {
  let prescriber: Medication['prescriber'] = null;
  if (r.prescriber_provider_id) {
    prescriber = {
      providerId: r.prescriber_provider_id,
      name: providerName({ given_name: r.pr_given_name ?? '', family_name: r.pr_family_name ?? '', credentials: r.pr_credentials ?? '' }),
    };
  } else if (r.prescriber_name) {
    prescriber = { providerId: null, name: r.prescriber_name };
  }
  return {
    id: r.id,
    patientId: r.patient_id,
    name: r.name,
    dose: r.dose,
    route: r.route,
    frequency: r.frequency,
    startDate: r.start_date,
    stopDate: r.stop_date,
    prescriber,
    status: r.status,
    note: r.note,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    version: r.version,
  };
}

/** The prescriber as a prescription prints them (organizations' Provider, structurally). */
export interface PrescriberFacts {
  givenName: string;
  familyName: string;
  credentials: string;
  npi: string;
}

export function toPrescription(r: Selectable<PrescriptionsTable>, p: PrescriberFacts): Prescription {
  return {
    id: r.id,
    patientId: r.patient_id,
    medicationId: r.medication_id,
    drugName: r.drug_name,
    strength: r.strength,
    form: r.form,
    sig: r.sig,
    quantity: Number(r.quantity),
    quantityUnit: r.quantity_unit,
    refills: r.refills,
    dispenseAsWritten: r.dispense_as_written,
    prescriber: {
      providerId: r.prescriber_provider_id,
      name: providerName({ given_name: p.givenName, family_name: p.familyName, credentials: p.credentials }),
      npi: p.npi,
    },
    deaNumber: r.dea_number,
    writtenDate: r.written_date,
    note: r.note,
    createdAt: iso(r.created_at),
  };
}

/** The patch without the keys it does not name (an explicit null stays: it clears the field). */
export function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
