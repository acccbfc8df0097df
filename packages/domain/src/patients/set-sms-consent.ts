import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';

/**
 * Turn the patient's agreement to texts on or off (a STOP or START texted back, through
 * comms). Changes nothing, and writes no audit row, when it already is so; otherwise the
 * record's version moves on and the change is audited like any demographic edit.
 * Answers whether it changed.
 */
export async function setSmsConsent(ctx: Ctx, patientId: string, consent: boolean): Promise<boolean> {
  const access = await requirePatientAccess(ctx, patientId, 'patient:write');
  return inTransaction(ctx, async (tx) => {
    const current = await tx.db
      .selectFrom('patients')
      .select(['consent_sms_reminders', 'version'])
      .where('id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    if (current.consent_sms_reminders === consent) return false;
    await tx.db
      .updateTable('patients')
      .set({ consent_sms_reminders: consent, version: current.version + 1, updated_at: tx.clock.now() })
      .where('id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    await recordAudit(tx, {
      action: 'update',
      resourceType: 'patient',
      resourceId: patientId,
      patientId,
      breakGlass: access.breakGlass,
      changes: { consentSmsReminders: { before: current.consent_sms_reminders, after: consent } },
    });
    return true;
  });
}
