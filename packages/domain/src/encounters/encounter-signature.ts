/** A signature's public shape and the `encounter.signed` payload, from the stored row. */
import { type EncounterFull, type EncounterRow, followUpOf } from './encounter-row.ts';
import type { EncounterSignedPayload } from './encounter-signed.ts';
import type { Signature } from './encounters.schemas.ts';

export function isSignatureComplete(r: EncounterRow): boolean {
  return r.status === 'signed' && (!r.cosign_required || r.cosigned_at !== null);
}

export function toSignature(r: EncounterRow): Signature {
  if (!r.signed_at || !r.signed_by) throw new Error('encounter is not signed');
  return {
    status: 'signed',
    signedAt: new Date(r.signed_at).toISOString(),
    signedBy: r.signed_by,
    cosignRequired: r.cosign_required,
    cosignedAt: r.cosigned_at ? new Date(r.cosigned_at).toISOString() : null,
    cosignedBy: r.cosigned_by,
    complete: isSignatureComplete(r),
    version: r.version,
  };
}

/** The event's payload once the signature is complete: the co-signer and time when there is one. */
export function signedPayload(r: EncounterFull): EncounterSignedPayload {
  const signedAt = r.cosigned_at ?? r.signed_at;
  const signedBy = r.cosigned_by ?? r.signed_by;
  if (!signedAt || !signedBy) throw new Error('encounter is not signed');
  const followUp = followUpOf(r);
  return {
    encounterId: r.id,
    organizationId: r.organization_id,
    patientId: r.patient_id,
    providerId: r.provider_id,
    locationId: r.location_id,
    appointmentId: r.appointment_id,
    dateOfService: r.date_of_service,
    signedAt: new Date(signedAt).toISOString(),
    signedBy,
    diagnoses: r.diagnoses.map((d) => ({ code: d.code })),
    procedures: r.procedures.map((p) => ({
      code: p.code,
      modifiers: p.modifiers,
      units: p.units,
      diagnosisPointers: p.diagnosisPointers,
    })),
    followUp: followUp ? { inDays: followUp.inDays, appointmentTypeId: followUp.appointmentTypeId, note: followUp.note } : null,
  };
}
