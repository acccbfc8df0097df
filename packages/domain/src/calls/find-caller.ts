import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { patientsByPhone } from '../patients/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import type { CallerCandidate } from './calls.schemas.ts';

/**
 * Who is calling: the patients one of whose phones is this number (E.164), for the desk to
 * pick while the phone rings. Restricted records the caller may not open are left out.
 */
export async function findCaller(ctx: Ctx, phone: string): Promise<{ phone: string; candidates: CallerCandidate[] }> {
  requirePermission(ctx, 'call:write');
  return inTransaction(ctx, async (tx) => {
    const candidates = await patientsByPhone(tx, phone);
    await recordAudit(tx, { action: 'search', resourceType: 'caller', details: { matches: candidates.length } });
    return { phone, candidates };
  });
}
