import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { locationsByIds, providersByIds } from '../organizations/index.ts';
import { loadAppointmentType } from '../scheduling/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { loadFollowUp } from './follow-up-row.ts';
import type { FollowUp, FollowUpInput } from './followups.schemas.ts';

/** The front desk notes a follow-up by hand (a phone call, a paper plan): it joins the worklist. */
export async function createFollowUp(ctx: Ctx, input: FollowUpInput): Promise<FollowUp> {
  requirePermission(ctx, 'appointment:write');
  return inTransaction(ctx, async (tx) => {
    const access = await requirePatientAccess(tx, input.patientId, 'appointment:write');
    const locationId = input.locationId ?? tx.locationId;
    if (!locationId) throw invalid('locationId', 'choose the location the patient should be seen at');
    await checkReferences(tx, { ...input, locationId });
    const row = await tx.db
      .insertInto('follow_ups')
      .values({
        organization_id: tx.organizationId,
        patient_id: input.patientId,
        provider_id: input.providerId ?? null,
        location_id: locationId,
        appointment_type_id: input.appointmentTypeId ?? null,
        due_date: input.dueDate,
        note: input.note,
        created_by: actorUserId(tx),
        created_at: tx.clock.now(),
        updated_at: tx.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'follow_up',
      resourceId: row.id,
      access,
      details: { source: 'hand', dueDate: input.dueDate },
    });
    return loadFollowUp(tx, row.id);
  });
}

/** The type, provider and location must be the practice's own: 400 naming the field otherwise. */
export async function checkReferences(
  tx: Ctx,
  ids: { appointmentTypeId?: string | undefined; providerId?: string | undefined; locationId?: string | undefined },
): Promise<void> {
  if (ids.appointmentTypeId && !(await loadAppointmentType(tx, ids.appointmentTypeId)))
    throw invalid('appointmentTypeId', 'unknown appointment type');
  if (ids.providerId && (await providersByIds(tx, [ids.providerId])).length === 0) throw invalid('providerId', 'unknown provider');
  if (ids.locationId && (await locationsByIds(tx, [ids.locationId])).length === 0) throw invalid('locationId', 'unknown location');
}
