import { recordAudit } from '../audit/index.ts';
import { addDays, loadAppointmentType } from '../scheduling/index.ts';
import type { Ctx } from '../shared/context.ts';

/** What the reaction reads of encounters' `EncounterSignedPayload` (module.ts wires the event; types match structurally). */
export interface SignedEncounterFacts {
  encounterId: string;
  organizationId: string;
  patientId: string;
  providerId: string;
  locationId: string;
  /** YYYY-MM-DD in the location's zone. */
  dateOfService: string;
  followUp: { inDays: number; appointmentTypeId: string | null; note: string | null } | null;
}

/**
 * Reaction to `encounter.signed`, in the signing transaction: a plan that asks for a follow-up
 * ("return in 90 days, type follow-up") puts it on the front desk's worklist, due on the date
 * of service plus `inDays`, with the encounter's patient, provider and location. Once per
 * encounter (a unique key: a second delivery adds nothing). The signature was authorized and
 * the patient opened by the signer, so nothing is checked again here; a type that is not the
 * practice's is dropped (the desk picks one when booking) rather than failing the signature.
 * Answers the new follow-up's id, or null.
 */
export async function followUpFromSignedEncounter(tx: Ctx, payload: SignedEncounterFacts): Promise<string | null> {
  const ask = payload.followUp;
  if (!ask) return null;
  if (payload.organizationId !== tx.organizationId) throw new Error('encounter.signed for another organization');
  const typeId = ask.appointmentTypeId && (await loadAppointmentType(tx, ask.appointmentTypeId)) ? ask.appointmentTypeId : null;
  const dueDate = addDays(payload.dateOfService, ask.inDays);
  const row = await tx.db
    .insertInto('follow_ups')
    .values({
      organization_id: tx.organizationId,
      patient_id: payload.patientId,
      provider_id: payload.providerId,
      location_id: payload.locationId,
      encounter_id: payload.encounterId,
      appointment_type_id: typeId,
      due_date: dueDate,
      note: (ask.note ?? '').slice(0, 1000),
      created_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
      created_at: tx.clock.now(),
      updated_at: tx.clock.now(),
    })
    .onConflict((oc) => oc.column('encounter_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!row) return null;
  await recordAudit(tx, {
    action: 'create',
    resourceType: 'follow_up',
    resourceId: row.id,
    patientId: payload.patientId,
    details: { source: 'encounter', encounterId: payload.encounterId, dueDate },
  });
  return row.id;
}
