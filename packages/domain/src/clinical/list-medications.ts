import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Medication } from './clinical.schemas.ts';
import { type MedicationRow, toMedication } from './clinical-rows.ts';
import { selectMedications } from './medication-row.ts';

/** A patient's medications: active first (by name), then stopped ones (most recently stopped first) (audited). */
export async function listMedications(ctx: Ctx, patientId: string): Promise<Medication[]> {
  const access = await requirePatientAccess(ctx, patientId, 'note:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await selectMedications(tx, patientId)
      .orderBy((eb) => eb.case().when('m.status', '=', 'active').then(0).else(1).end())
      .orderBy('m.stop_date', (o) => o.desc().nullsFirst())
      .orderBy('m.name')
      .orderBy('m.id')
      .execute();
    await recordAudit(tx, { action: 'read', resourceType: 'medication', access, details: { count: rows.length } });
    return rows.map((r) => toMedication(r as MedicationRow));
  });
}
