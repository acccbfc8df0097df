import { diffFields, recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, invalid } from '../shared/errors.ts';
import { chartToday, requireWritableChart } from './chart-access.ts';
import { type Medication, type MedicationPatch, STOP_BEFORE_START } from './clinical.schemas.ts';
import { definedOnly } from './clinical-rows.ts';
import { medicationPrescriber, type PrescriberColumns } from './medication-prescriber.ts';
import { readMedication } from './medication-row.ts';

/**
 * Edit a medication, or stop it (`status: "stopped"`, today unless `stopDate`) or restart it.
 * Naming `prescriberId` or `prescriberName` replaces the prescriber. `expectedVersion` comes from If-Match.
 */
export async function updateMedication(
  ctx: Ctx,
  patientId: string,
  medicationId: string,
  patch: MedicationPatch,
  expectedVersion: number,
): Promise<Medication> {
  return inTransaction(ctx, async (tx) => {
    const access = await requireWritableChart(tx, patientId, 'note:write');
    const current = await tx.db
      .selectFrom('medications')
      .select(['id', 'version', 'status', 'start_date', 'stop_date'])
      .where('id', '=', medicationId)
      .where('patient_id', '=', patientId)
      .where('organization_id', '=', tx.organizationId)
      .forUpdate()
      .executeTakeFirst();
    if (!current) throw new AppError('NOT_FOUND', 'medication not found');
    const before = await readMedication(tx, patientId, medicationId);
    if (current.version !== expectedVersion) {
      throw new AppError('VERSION_MISMATCH', `medication is at version ${current.version}`, { extra: { current: before } });
    }
    const p = definedOnly(patch);
    let prescriber: Partial<PrescriberColumns> = {};
    if (p.prescriberId !== undefined || p.prescriberName !== undefined) prescriber = await medicationPrescriber(tx, p);
    const status = p.status ?? current.status;
    const startDate = p.startDate !== undefined ? p.startDate : current.start_date;
    let stopDate = p.stopDate !== undefined ? p.stopDate : current.stop_date;
    if (status === 'stopped' && !stopDate) stopDate = await chartToday(tx);
    // Restarting clears the date it was stopped on, unless a (planned) stop date is given.
    if (status === 'active' && current.status === 'stopped' && p.stopDate === undefined) stopDate = null;
    if (stopDate && startDate && stopDate < startDate) throw invalid('stopDate', STOP_BEFORE_START);
    await tx.db
      .updateTable('medications')
      .set({
        ...(p.name !== undefined && { name: p.name }),
        ...(p.dose !== undefined && { dose: p.dose }),
        ...(p.route !== undefined && { route: p.route }),
        ...(p.frequency !== undefined && { frequency: p.frequency }),
        ...(p.note !== undefined && { note: p.note }),
        ...prescriber,
        status,
        start_date: startDate,
        stop_date: stopDate,
        version: current.version + 1,
        updated_at: tx.clock.now(),
      })
      .where('id', '=', medicationId)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    const after = await readMedication(tx, patientId, medicationId);
    const { version: _bv, updatedAt: _bu, ...b } = before;
    const { version: _av, updatedAt: _au, ...a } = after;
    await recordAudit(tx, { action: 'update', resourceType: 'medication', resourceId: medicationId, access, changes: diffFields(b, a) });
    return after;
  });
}
