import { requirePatientAccess, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadEncounterFull, toEncounter } from './encounter-row.ts';
import type { Encounter } from './encounters.schemas.ts';

/** One encounter with its note, vitals, codes and addenda; a restricted patient's only to the care team (or break-glass). */
export async function getEncounter(ctx: Ctx, id: string): Promise<Encounter> {
  requirePermission(ctx, 'note:read');
  return inTransaction(ctx, async (tx) => {
    const row = await loadEncounterFull(tx, id);
    const access = await requirePatientAccess(tx, row.patient_id, 'note:read');
    await recordAudit(tx, { action: 'read', resourceType: 'encounter', resourceId: id, access });
    return toEncounter(tx, row);
  });
}
