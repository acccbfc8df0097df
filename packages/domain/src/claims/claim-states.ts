import { sql } from 'kysely';
/**
 * A claim's states and the ONE table of allowed transitions (migration 0160 checks the values).
 *
 * draft → ready (scrubbed, no errors) → submitted (in a batch) → acknowledged | rejected (999)
 * → payer_accepted | payer_rejected (277CA) → paid | partially_paid | denied → closed.
 * A remittance (paid, partially_paid, denied) may arrive in any state after submitted; a ready
 * claim that fails a new scrub goes back to draft, and a rejected one is corrected as a draft.
 */
import { actorUserId, type Ctx } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';

export const CLAIM_STATUSES = [
  'draft',
  'ready',
  'submitted',
  'acknowledged',
  'rejected',
  'payer_accepted',
  'payer_rejected',
  'paid',
  'partially_paid',
  'denied',
  'closed',
] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

const REMITTANCE = ['paid', 'partially_paid', 'denied'] as const;

export const CLAIM_TRANSITIONS: Readonly<Record<ClaimStatus, readonly ClaimStatus[]>> = {
  draft: ['ready'],
  ready: ['draft', 'submitted'],
  submitted: ['acknowledged', 'rejected', 'payer_accepted', 'payer_rejected', ...REMITTANCE],
  acknowledged: ['payer_accepted', 'payer_rejected', ...REMITTANCE],
  rejected: ['draft', 'closed', ...REMITTANCE],
  payer_accepted: [...REMITTANCE],
  payer_rejected: ['draft', 'closed', ...REMITTANCE],
  // A later remittance (a reversal and correction, or a reprocessed claim) may change the outcome.
  paid: ['partially_paid', 'denied', 'closed'],
  partially_paid: ['paid', 'denied', 'closed'],
  denied: ['paid', 'partially_paid', 'closed'],
  closed: [],
};

export function canTransition(from: ClaimStatus, to: ClaimStatus): boolean {
  return CLAIM_TRANSITIONS[from].includes(to);
}

/**
 * Move a locked claim from `from` to `to` and write its timeline row (same transaction). An illegal
 * move answers 409 ILLEGAL_TRANSITION and changes nothing.
 */
export async function transitionClaim(
  tx: Ctx,
  claim: { id: string; status: ClaimStatus; version: number },
  to: ClaimStatus,
  reason: string,
  set: { batch_id?: string | null } = {},
): Promise<void> {
  if (!canTransition(claim.status, to)) throw new AppError('ILLEGAL_TRANSITION', `a ${claim.status} claim cannot become ${to}`);
  await tx.db
    .updateTable('claims')
    .set({ status: to, version: claim.version + 1, updated_at: tx.clock.now(), ...set })
    .where('id', '=', claim.id)
    .where('organization_id', '=', tx.organizationId)
    .execute();
  await tx.db
    .insertInto('claim_events')
    .values({
      organization_id: tx.organizationId,
      claim_id: claim.id,
      at: tx.clock.now(),
      user_id: actorUserId(tx),
      from_status: claim.status,
      to_status: to,
      reason,
    })
    .execute();
}

/**
 * Move many locked claims, all in `from`, to `to` with one timeline row each: one statement
 * whatever their number (a batch of thousands: the claims' UPDATE and the events' INSERT in one
 * round trip, one array parameter per column). An illegal move changes nothing.
 */
export async function transitionClaims(
  tx: Ctx,
  claims: readonly { id: string; status: ClaimStatus }[],
  to: ClaimStatus,
  reason: string,
  set: { batch_id?: string | null } = {},
): Promise<void> {
  const illegal = claims.find((c) => !canTransition(c.status, to));
  if (illegal) throw new AppError('ILLEGAL_TRANSITION', `a ${illegal.status} claim cannot become ${to}`);
  if (claims.length === 0) return;
  const ids = claims.map((c) => c.id);
  const now = tx.clock.now();
  const batch = set.batch_id !== undefined ? sql`, batch_id = ${set.batch_id}::uuid` : sql``;
  await sql`
    with moved as (
      update claims set status = ${to}, version = version + 1, updated_at = ${now}::timestamptz ${batch}
      where id in (select unnest(${ids}::uuid[])) and organization_id = ${tx.organizationId}::uuid
      returning id)
    insert into claim_events (organization_id, claim_id, at, user_id, from_status, to_status, reason)
    select ${tx.organizationId}::uuid, t.claim_id, ${now}::timestamptz, ${actorUserId(tx)}::uuid, t.from_status, ${to}, ${reason}
    from unnest(${ids}::uuid[], ${claims.map((c) => c.status)}::text[]) as t(claim_id, from_status)
    where exists (select 1 from moved where moved.id = t.claim_id)`.execute(tx.db);
}
