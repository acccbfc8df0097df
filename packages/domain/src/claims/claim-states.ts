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
import type { ClaimSnapshot } from './claim-snapshot.ts';
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

/** A claim as submitReadyClaims answers it: what an 837P, the ledger and the audit need. */
export interface SubmittedClaimRow {
  id: string;
  patient_id: string;
  encounter_id: string;
  payer_id: string;
  location_id: string;
  patient_control_number: string;
  date_of_service: string;
  place_of_service: string;
  prior_authorization: string | null;
  diagnoses: string[];
  total_charge_cents: string;
  frequency_code: '1' | '7' | '8';
  payer_claim_control_number: string | null;
  snapshot: ClaimSnapshot;
  restricted: boolean;
}

/**
 * Submit the asked claims that are `ready` into batch `batchId`, each with its timeline row, and
 * answer them (in id order) with their snapshots: ONE statement that locks (in id order, as every
 * writer of several claims does), checks and moves, whatever the batch's size (thousands: one
 * array parameter).
 * A claim that is not ready, or not there, is left as it is and not answered: the caller compares
 * and refuses the batch, and its transaction rolls back. A concurrent batch of the same claims
 * waits for this one's row locks, then finds them submitted.
 */
export async function submitReadyClaims(tx: Ctx, ids: readonly string[], batchId: string, reason: string): Promise<SubmittedClaimRow[]> {
  if (!canTransition('ready', 'submitted')) throw new AppError('ILLEGAL_TRANSITION', 'a ready claim cannot become submitted');
  const now = tx.clock.now();
  const r = await sql<SubmittedClaimRow>`
    with locked as materialized (
      select id from claims
       where id = any(${[...ids]}::uuid[]) and organization_id = ${tx.organizationId}::uuid and status = 'ready'
       order by id for update
    ), moved as (
      update claims c set status = 'submitted', version = c.version + 1, updated_at = ${now}::timestamptz, batch_id = ${batchId}::uuid
        from locked l where c.id = l.id and c.organization_id = ${tx.organizationId}::uuid
      returning c.id, c.patient_id, c.encounter_id, c.payer_id, c.location_id, c.patient_control_number, c.date_of_service,
                c.place_of_service, c.prior_authorization, c.diagnoses, c.total_charge_cents, c.frequency_code, c.payer_claim_control_number
    ), timeline as (
      insert into claim_events (organization_id, claim_id, at, user_id, from_status, to_status, reason)
      select ${tx.organizationId}::uuid, m.id, ${now}::timestamptz, ${actorUserId(tx)}::uuid, 'ready', 'submitted', ${reason}
        from moved m
    )
    select m.*, s.snapshot, p.restricted
      from moved m
      join claim_snapshots s on s.organization_id = ${tx.organizationId}::uuid and s.claim_id = m.id
      join patient_names p on p.id = m.patient_id`.execute(tx.db);
  // Sorted here: 10,000 rows with their snapshots would spill PostgreSQL's sort to disk.
  return r.rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** One step of a claim's life: from, to, why. */
export interface ClaimMove {
  claimId: string;
  from: ClaimStatus;
  to: ClaimStatus;
  reason: string;
}

/**
 * Move many locked claims, each by its own steps, with a timeline row per step: one statement
 * whatever their number (a remittance of thousands: one array parameter per column). A claim with
 * several steps (a reversal, then the corrected payment) ends in its last step's state, its timeline
 * rows a microsecond apart in step order. Every step
 * must be legal (409 ILLEGAL_TRANSITION, nothing changes).
 */
export async function moveClaims(tx: Ctx, moves: readonly ClaimMove[]): Promise<void> {
  const illegal = moves.find((m) => !canTransition(m.from, m.to));
  if (illegal) throw new AppError('ILLEGAL_TRANSITION', `a ${illegal.from} claim cannot become ${illegal.to}`);
  if (moves.length === 0) return;
  const last = new Map(moves.map((m) => [m.claimId, m.to]));
  // A claim's later steps are a microsecond apart, so its timeline (read by time, then id) keeps their order.
  const seen = new Map<string, number>();
  const step = moves.map((m) => {
    const k = seen.get(m.claimId) ?? 0;
    seen.set(m.claimId, k + 1);
    return k;
  });
  const now = tx.clock.now();
  await sql`
    with moved as (
      update claims c set status = t.to_status, version = c.version + 1, updated_at = ${now}::timestamptz
        from unnest(${[...last.keys()]}::uuid[], ${[...last.values()]}::text[]) as t(claim_id, to_status)
       where c.id = t.claim_id and c.organization_id = ${tx.organizationId}::uuid
      returning c.id)
    insert into claim_events (organization_id, claim_id, at, user_id, from_status, to_status, reason)
    select ${tx.organizationId}::uuid, s.claim_id, ${now}::timestamptz + s.step * interval '1 microsecond', ${actorUserId(tx)}::uuid,
           s.from_status, s.to_status, s.reason
      from unnest(${moves.map((m) => m.claimId)}::uuid[], ${moves.map((m) => m.from)}::text[], ${moves.map((m) => m.to)}::text[],
                  ${moves.map((m) => m.reason)}::text[], ${step}::int[]) as s(claim_id, from_status, to_status, reason, step)
     where exists (select 1 from moved where moved.id = s.claim_id)`.execute(tx.db);
}
