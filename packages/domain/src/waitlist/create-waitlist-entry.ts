import { requirePatientAccess } from '../access/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { locationsByIds, providersByIds } from '../organizations/index.ts';
import { loadAppointmentType } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { loadEntry } from './entry-row.ts';
import type { WaitlistEntry, WaitlistEntryInput } from './waitlist.schemas.ts';

/** Put a patient on the waiting list for an appointment type, with wishes and a date window. */
export async function createWaitlistEntry(ctx: Ctx, input: WaitlistEntryInput): Promise<WaitlistEntry> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, input.patientId, 'appointment:write');
    if (!(await loadAppointmentType(tx, input.appointmentTypeId))) throw invalid('appointmentTypeId', 'unknown appointment type');
    await checkOwnIds(tx, input.providerIds, input.locationIds);
    const row = await tx.db
      .insertInto('waitlist_entries')
      .values({
        organization_id: tx.organizationId,
        patient_id: input.patientId,
        appointment_type_id: input.appointmentTypeId,
        provider_ids: input.providerIds,
        location_ids: input.locationIds,
        earliest_date: input.earliestDate,
        latest_date: input.latestDate,
        priority: input.priority,
        notes: input.notes,
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'waitlist_entry',
      resourceId: row.id,
      access,
      details: { priority: input.priority },
    });
    return loadEntry(tx, row.id);
  });
}

/** Provider and location wishes must name the practice's own. */
export async function checkOwnIds(tx: Ctx, providerIds: string[] | undefined, locationIds: string[] | undefined): Promise<void> {
  if (providerIds?.length) {
    const found = await providersByIds(tx, providerIds);
    if (found.length !== new Set(providerIds).size) throw invalid('providerIds', 'unknown provider');
  }
  if (locationIds?.length) {
    const found = await locationsByIds(tx, locationIds);
    if (found.length !== new Set(locationIds).size) throw invalid('locationIds', 'unknown location');
  }
}
