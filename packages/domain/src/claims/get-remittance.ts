import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadRemittance } from './remittance-row.ts';
import type { RemittanceImport } from './remittance.schemas.ts';

/** One imported 835's posting summary (another organization's, or none: 404). Audited as a claims search. */
export async function getRemittance(ctx: Ctx, id: string): Promise<RemittanceImport> {
  requirePermission(ctx, 'claim:read');
  return inTransaction(ctx, async (tx) => {
    const r = await loadRemittance(tx, id);
    await recordAudit(tx, { action: 'search', resourceType: 'claim', details: { count: r.claims.filter((c) => c.claimId).length } });
    return r;
  });
}
