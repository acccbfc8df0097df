import { requirePatientAccess } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { providersByIds } from '../organizations/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { Prescription } from './clinical.schemas.ts';
import { toPrescription } from './clinical-rows.ts';

/** A patient's prescriptions, newest written first (audited). */
export async function listPrescriptions(ctx: Ctx, patientId: string): Promise<Prescription[]> {
  const access = await requirePatientAccess(ctx, patientId, 'note:read');
  return inTransaction(ctx, async (tx) => {
    const rows = await tx.db
      .selectFrom('prescriptions')
      .selectAll()
      .where('organization_id', '=', tx.organizationId)
      .where('patient_id', '=', patientId)
      .orderBy('written_date', 'desc')
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    const providers = new Map(
      (
        await providersByIds(
          tx,
          rows.map((r) => r.prescriber_provider_id),
        )
      ).map((p) => [p.id, p]),
    );
    await recordAudit(tx, { action: 'read', resourceType: 'prescription', access, details: { count: rows.length } });
    return rows.map((r) =>
      toPrescription(r, providers.get(r.prescriber_provider_id) ?? { givenName: '', familyName: '', credentials: '', npi: '' }),
    );
  });
}
