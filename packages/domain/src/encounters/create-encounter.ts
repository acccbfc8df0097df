import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { locationsByIds, providersByIds } from '../organizations/index.ts';
import { loadAppointmentFacts, localDateOf } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { loadEncounterFull, toEncounter } from './encounter-row.ts';
import type { CreateEncounterInput, Encounter } from './encounters.schemas.ts';

/** Visit statuses from which a visit can be documented: checked in, roomed or later. */
export const DOCUMENTABLE_STATUSES: readonly string[] = ['arrived', 'roomed', 'with_provider', 'checked_out'];

/** The encounter of an appointment already exists: 409 ALREADY_EXISTS naming it, so the caller opens it. */
function alreadyExists(encounterId: string): AppError {
  return new AppError('ALREADY_EXISTS', 'this visit already has an encounter', { extra: { encounterId } });
}

/**
 * Open an encounter: from an appointment once the patient has checked in (the patient,
 * provider and location must be the visit's; the date of service is the visit's day on the
 * location's clock; one encounter per appointment), or ad hoc (dated today on the location's
 * clock). Answers the new open encounter.
 */
export async function createEncounter(ctx: Ctx, input: CreateEncounterInput): Promise<Encounter> {
  requirePermission(ctx, 'note:write');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, input.patientId, 'note:write');
    const [[provider], [location]] = await Promise.all([providersByIds(tx, [input.providerId]), locationsByIds(tx, [input.locationId])]);
    if (!provider) throw invalid('providerId', 'no such provider in this practice');
    if (!location) throw invalid('locationId', 'no such location in this practice');
    let dateOfService = localDateOf(tx.clock.now().getTime(), location.timeZone);
    if (input.appointmentId) {
      const visit = await loadAppointmentFacts(tx.db, tx.organizationId, input.appointmentId);
      if (!visit) throw invalid('appointmentId', 'no such appointment');
      if (visit.patientId !== input.patientId) throw invalid('patientId', "is not the appointment's patient");
      if (visit.providerId !== input.providerId) throw invalid('providerId', "is not the appointment's provider");
      if (visit.locationId !== input.locationId) throw invalid('locationId', "is not the appointment's location");
      const existing = await tx.db
        .selectFrom('encounters')
        .select('id')
        .where('organization_id', '=', tx.organizationId)
        .where('appointment_id', '=', input.appointmentId)
        .executeTakeFirst();
      if (existing) throw alreadyExists(existing.id);
      if (!DOCUMENTABLE_STATUSES.includes(visit.status)) {
        throw new AppError('CONFLICT', `the visit is ${visit.status.replace('_', ' ')}: check the patient in or room them first`, {
          errors: [{ path: 'appointmentId', message: 'the patient has not checked in for this visit' }],
        });
      }
      dateOfService = localDateOf(visit.startsAt.getTime(), visit.zone);
    }
    const created = await tx.db
      .insertInto('encounters')
      .values({
        organization_id: tx.organizationId,
        patient_id: input.patientId,
        provider_id: input.providerId,
        location_id: input.locationId,
        appointment_id: input.appointmentId ?? null,
        date_of_service: dateOfService,
        created_by: actorUserId(tx),
      })
      // Two clicks at once: the second finds the first's encounter.
      .onConflict((oc) => oc.column('appointment_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!created) {
      const winner = await tx.db
        .selectFrom('encounters')
        .select('id')
        .where('appointment_id', '=', input.appointmentId ?? '')
        .executeTakeFirstOrThrow();
      throw alreadyExists(winner.id);
    }
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'encounter',
      resourceId: created.id,
      access,
      details: { appointmentId: input.appointmentId ?? null, dateOfService },
    });
    return toEncounter(tx, await loadEncounterFull(tx, created.id));
  });
}
