import { requireActiveStaff } from '../identity/index.ts';
import { complaintPlace } from './complaint-scope.ts';
import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { ComplaintInput } from './complaints.schemas.ts';

/**
 * Log a complaint or concern about services or care. Anyone at the desk may (complaint:create);
 * only managers read them back (complaint:manage), so the answer is the id alone. A complaint
 * about a patient needs access to the record and is audited with it.
 */
export async function createComplaint(ctx: Ctx, input: ComplaintInput): Promise<{ id: string }> {
  return inTransaction(ctx, async (tx) => {
    const { locationId, today } = await complaintPlace(tx, 'complaint:create', input.locationId);
    const access = input.patientId ? await requirePatientAccess(tx, input.patientId, 'complaint:create') : undefined;
    await requireActiveStaff(tx, input.ownerId, 'ownerId');
    const receivedOn = input.receivedOn ?? today;
    if (receivedOn > today) throw invalid('receivedOn', 'A complaint cannot be received in the future.');
    if (input.dueOn && input.dueOn < receivedOn) throw invalid('dueOn', 'The due date comes on or after the day it was received.');
    const now = tx.clock.now();
    const row = await tx.db
      .insertInto('complaints')
      .values({
        organization_id: tx.organizationId,
        location_id: locationId,
        patient_id: input.patientId ?? null,
        complainant: input.complainant,
        received_on: receivedOn,
        description: input.description,
        category: input.category,
        severity: input.severity,
        owner_id: input.ownerId ?? null,
        due_on: input.dueOn ?? null,
        created_by: actorUserId(tx),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      action: 'create',
      resourceType: 'complaint',
      resourceId: row.id,
      ...(access && { access }),
      details: { category: input.category, severity: input.severity },
    });
    return { id: row.id };
  });
}
