import { requirePermission, todayAt } from '../access/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { loadCredential } from './credential-row.ts';
import type { Credential } from './credentials.schemas.ts';

export async function getCredential(ctx: Ctx, id: string): Promise<Credential> {
  requirePermission(ctx, 'credential:read');
  return inTransaction(ctx, async (tx) => loadCredential(tx, id, await todayAt(tx)));
}
