import { createHash } from 'node:crypto';
import { parse277CA, parse999, readX12, transactionsOf } from '@x12/index.ts';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { canTransition, type ClaimStatus, transitionClaim } from './claim-states.ts';
import type { AckResult } from './claims.tables.ts';
import type { Acknowledgement } from './remittance.schemas.ts';
import { readOrRefuse } from './x12-problem.ts';

type Target = { claimId: string; to: ClaimStatus; reason: string; result: AckResult };

class AlreadyImported extends Error {}

/**
 * Import a 999 (matched to our 837P batches by GS06 and ST02) or a 277CA (matched to claims by
 * patient control number). Accepted sets and claims become `acknowledged` / `payer_accepted`,
 * rejected ones `rejected` / `payer_rejected` with the error as the timeline reason. A claim whose
 * state cannot take the move (a remittance came first) is left as it is and reported `unchanged`.
 * The same file again changes nothing (its SHA-256 is unique per organization, also for two
 * imports at once: the second rolls back and answers the first's outcome).
 */
export async function importAcknowledgement(ctx: Ctx, text: string): Promise<Acknowledgement> {
  requirePermission(ctx, 'claim:submit');
  const doc = readOrRefuse('999 or 277CA', () => readX12(text));
  const st01 = doc.interchanges[0]?.groups[0]?.transactions[0]?.st.elements[1];
  const kind = st01 === '999' ? '999' : st01 === '277' ? '277CA' : null;
  if (!kind)
    throw new AppError('VALIDATION_FAILED', `not a 999 or 277CA: the first transaction is ST*${st01 ?? '?'}`, {
      errors: [{ path: 'body', message: 'ST01 must be 999 or 277' }],
    });
  const sha256 = createHash('sha256').update(text).digest('hex');
  const existing = () =>
    ctx.db
      .selectFrom('claim_acknowledgements')
      .selectAll()
      .where('organization_id', '=', ctx.organizationId)
      .where('sha256', '=', sha256)
      .executeTakeFirst();
  const before = await existing();
  if (before) return toAck(before, true);
  const targets = kind === '999' ? await targets999(ctx, text) : await targets277(ctx, text);
  try {
    return await inTransaction(ctx, async (tx) => {
      const results: AckResult[] = targets.unmatched;
      const perPatient = new Map<string, number>();
      for (const t of [...targets.moves].sort((a, b) => a.claimId.localeCompare(b.claimId))) {
        const claim = await tx.db
          .selectFrom('claims')
          .select(['id', 'status', 'version', 'patient_id'])
          .where('id', '=', t.claimId)
          .where('organization_id', '=', tx.organizationId)
          .forUpdate()
          .executeTakeFirstOrThrow();
        if (claim.status === t.to || !canTransition(claim.status, t.to)) {
          results.push({ ...t.result, outcome: 'unchanged', reason: `${t.result.reason} (the claim is ${claim.status})` });
          continue;
        }
        await transitionClaim(tx, claim, t.to, t.reason.slice(0, 500));
        results.push(t.result);
        perPatient.set(claim.patient_id, (perPatient.get(claim.patient_id) ?? 0) + 1);
      }
      const row = await tx.db
        .insertInto('claim_acknowledgements')
        .values({
          organization_id: tx.organizationId,
          kind,
          x12: text,
          sha256,
          claims_accepted: results.filter((r) => r.outcome === 'accepted').length,
          claims_rejected: results.filter((r) => r.outcome === 'rejected').length,
          claims_unmatched: results.filter((r) => r.outcome === 'unmatched').length,
          results: JSON.stringify(results),
          created_by: tx.actor.kind === 'user' ? tx.actor.userId : null,
          created_at: tx.clock.now(),
        })
        .onConflict((oc) => oc.columns(['organization_id', 'sha256']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (!row) throw new AlreadyImported();
      for (const [patientId, count] of perPatient)
        await recordAudit(tx, {
          action: 'update',
          resourceType: 'claim_acknowledgement',
          resourceId: row.id,
          access: { patientId, breakGlass: false },
          details: { acknowledgementId: row.id, kind, claims: count },
        });
      return toAck(row, false);
    });
  } catch (e) {
    if (!(e instanceof AlreadyImported)) throw e;
    const row = await existing();
    if (!row) throw e;
    return toAck(row, true);
  }
}

function toAck(
  r: {
    id: string;
    kind: '999' | '277CA';
    sha256: string;
    claims_accepted: number;
    claims_rejected: number;
    claims_unmatched: number;
    results: AckResult[];
    created_at: Date;
  },
  alreadyImported: boolean,
): Acknowledgement {
  return {
    id: r.id,
    kind: r.kind,
    sha256: r.sha256,
    claimsAccepted: r.claims_accepted,
    claimsRejected: r.claims_rejected,
    claimsUnmatched: r.claims_unmatched,
    alreadyImported,
    results: r.results,
    createdAt: r.created_at.toISOString(),
  };
}

/**
 * The patient control numbers (CLM01) of the transaction set of our stored 837P whose ST02 is
 * `controlNumber`, or undefined when the batch has no such set. A batch of more than 5,000 claims
 * is one interchange of several sets (consecutive ST02), and a 999 answers for each set apart.
 */
function claimsOfSet(x12: string, controlNumber: string): string[] | undefined {
  for (const { transaction } of transactionsOf(readX12(x12)))
    if (Number(transaction.controlNumber) === Number(controlNumber))
      return transaction.segments.filter((s) => s.id === 'CLM').map((s) => s.elements[1] ?? '');
  return undefined;
}

/** 999: AK1 GS06 names our batch, AK2 ST02 one of its transaction sets; the claims of that set take its outcome. */
async function targets999(ctx: Ctx, text: string): Promise<{ moves: Target[]; unmatched: AckResult[] }> {
  const { acks } = readOrRefuse('999', () => parse999(text));
  const moves: Target[] = [];
  const unmatched: AckResult[] = [];
  for (const ack of acks)
    for (const set of ack.sets) {
      const group = Number(ack.group.controlNumber);
      const batch = Number.isSafeInteger(group)
        ? await ctx.db
            .selectFrom('claim_batches')
            .select(['id', 'x12'])
            .where('organization_id', '=', ctx.organizationId)
            .where('group_control_number', '=', group)
            .executeTakeFirst()
        : undefined;
      const controlNumber = `${ack.group.controlNumber}/${set.controlNumber}`;
      const setClaims = batch ? claimsOfSet(batch.x12, set.controlNumber) : undefined;
      if (!batch || !setClaims) {
        unmatched.push({
          controlNumber,
          outcome: 'unmatched',
          reason: `no batch of ours has GS06 ${ack.group.controlNumber} and ST02 ${set.controlNumber}`,
        });
        continue;
      }
      const errors = set.segmentErrors.map(
        (s) =>
          `${s.segmentId} (segment ${s.position}${s.loop ? `, loop ${s.loop}` : ''}) error ${s.errorCode ?? '?'}${s.elementErrors.map((e) => `; element ${e.position} error ${e.errorCode}`).join('')}`,
      );
      const accepted = set.status !== 'rejected';
      const reason = accepted
        ? `999 ${set.status === 'accepted' ? 'accepted' : 'accepted with errors'} (IK5 ${set.statusCode})${errors.length ? `: ${errors.join('; ')}` : ''}`
        : `999 rejected (IK5 ${set.statusCode}${set.errorCodes.length ? ` ${set.errorCodes.join(',')}` : ''})${errors.length ? `: ${errors.join('; ')}` : ''}`;
      const claims = await ctx.db
        .selectFrom('claims')
        .select(['id', 'patient_control_number'])
        .where('organization_id', '=', ctx.organizationId)
        .where('batch_id', '=', batch.id)
        .where('patient_control_number', 'in', setClaims.length ? setClaims : [''])
        .execute();
      for (const c of claims)
        moves.push({
          claimId: c.id,
          to: accepted ? 'acknowledged' : 'rejected',
          reason,
          result: {
            claimId: c.id,
            patientControlNumber: c.patient_control_number,
            controlNumber,
            outcome: accepted ? 'accepted' : 'rejected',
            reason,
          },
        });
    }
  return { moves, unmatched };
}

/** 277CA: each patient-level TRN02 is the claim's patient control number. */
async function targets277(ctx: Ctx, text: string): Promise<{ moves: Target[]; unmatched: AckResult[] }> {
  const { acks } = readOrRefuse('277CA', () => parse277CA(text));
  const moves: Target[] = [];
  const unmatched: AckResult[] = [];
  for (const ack of acks)
    for (const c of ack.claims) {
      const claim = c.patientControlNumber
        ? await ctx.db
            .selectFrom('claims')
            .select(['id'])
            .where('organization_id', '=', ctx.organizationId)
            .where('patient_control_number', '=', c.patientControlNumber)
            .executeTakeFirst()
        : undefined;
      const codes = c.statuses.map((s) => [s.categoryCode, s.statusCode, s.entityCode].filter(Boolean).join(':')).join(', ');
      const reason = `277CA from ${ack.payer.name || 'the payer'}: ${c.status === 'rejected' ? 'rejected' : c.status === 'accepted' ? 'accepted' : 'status'} ${codes}${c.payerClaimControlNumber ? ` (payer claim ${c.payerClaimControlNumber})` : ''}`;
      if (!claim || c.status === 'other') {
        unmatched.push({
          patientControlNumber: c.patientControlNumber,
          outcome: 'unmatched',
          reason: claim ? `${reason}: neither accepted nor rejected` : `no claim has patient control number ${c.patientControlNumber}`,
        });
        continue;
      }
      const accepted = c.status === 'accepted';
      moves.push({
        claimId: claim.id,
        to: accepted ? 'payer_accepted' : 'payer_rejected',
        reason,
        result: { claimId: claim.id, patientControlNumber: c.patientControlNumber, outcome: accepted ? 'accepted' : 'rejected', reason },
      });
    }
  return { moves, unmatched };
}
