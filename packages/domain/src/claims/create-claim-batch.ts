import { createHash } from 'node:crypto';
import { build837PInSlices, type Claim837, X12Error } from '@x12/index.ts';
import { type SqlBool, sql } from 'kysely';
import { patientAccessMany, requirePermission } from '../access/index.ts';
import { recordAuditMany } from '../audit/index.ts';
import { readModuleSettings } from '../organizations/index.ts';
import { actorUserId, type Ctx, inTransaction } from '../shared/context.ts';
import { AppError, notFound } from '../shared/errors.ts';
import { toBatch, selectBatches } from './batch-row.ts';
import { claimLinesMany, toScrubClaim } from './claim-row.ts';
import { billingProvider837, claimTo837 } from './claim-to-837.ts';
import { type SubmittedClaimRow, submitReadyClaims } from './claim-states.ts';
import { enqueueBatchUpload } from './upload-batch-job.ts';
import { claimsSubmitted } from './claims-submitted.ts';
import { emit } from '../shared/events.ts';
import type { ClaimBatch, ClaimBatchInput } from './claims.schemas.ts';

/** Organization settings the 837P envelope reads (organizations.settings keys), with their defaults. */
export const CLAIMS_SETTINGS = {
  claims_submitter_id: 'the ISA06/1000A submitter id (default: the billing TIN)',
  claims_submitter_name: 'the 1000A submitter name (default: the practice)',
  claims_submitter_contact: 'the 1000A contact name (default: Billing office)',
  claims_submitter_phone: 'the 1000A phone, 10 digits (default: 0000000000)',
  claims_receiver_id: 'the ISA08/1000B receiver id (default: CLEARINGHOUSE)',
  claims_receiver_name: 'the 1000B receiver name (default: CLEARINGHOUSE)',
  claims_usage_indicator: "ISA15: 'P' for production, else 'T' (test)",
} as const;

const text = (v: unknown, fallback: string) => (typeof v === 'string' && v.trim() ? v.trim() : fallback);

/** Claims per transaction set (ST/SE), as the 837P guide advises; a batch (one interchange) holds up to two (10,000 claims). */
export const CLAIMS_PER_TRANSACTION = 5000;

const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

/**
 * Take the next ISA13, GS06 and `transactions` consecutive ST02 from the organization's counter
 * row (held until commit, so concurrent batches queue): answers the first ST02. Every X12
 * interchange the practice sends takes its numbers here: 837P batches and eligibility
 * inquiries (270) alike.
 */
export async function takeControlNumbers(tx: Ctx, transactions = 1): Promise<{ interchange: number; group: number; transaction: number }> {
  const r = await sql<{ interchange: string; grp: string; st: string }>`
    insert into claim_counters (organization_id, next_interchange, next_group, next_transaction)
    values (${tx.organizationId}, 2, 2, ${1 + transactions})
    on conflict (organization_id) do update set
      next_interchange = claim_counters.next_interchange + 1,
      next_group = claim_counters.next_group + 1,
      next_transaction = claim_counters.next_transaction + ${transactions}
    returning next_interchange - 1 as interchange, next_group - 1 as grp, next_transaction - ${transactions} as st`.execute(tx.db);
  const row = r.rows[0] as { interchange: string; grp: string; st: string };
  return { interchange: Number(row.interchange), group: Number(row.grp), transaction: Number(row.st) };
}

/** Claims built (and mapped) between turns of the event loop. */
const SLICE = 100;

/**
 * Why the asked claims cannot go in a batch, thrown (the caller's transaction rolls back, the
 * claims it moved with it): a claim that is not there or whose patient the user may not open
 * is not found (404); else the ones that are not ready (409, naming each by its place in
 * `claimIds`).
 */
async function refuseBatch(tx: Ctx, input: ClaimBatchInput, ids: readonly string[], moved: readonly SubmittedClaimRow[]): Promise<never> {
  const rows = await tx.db
    .selectFrom('claims as c')
    .innerJoin('patient_names as p', 'p.id', 'c.patient_id')
    .select(['c.id', 'c.status', 'c.patient_id', 'c.patient_control_number', 'p.restricted'])
    .where('c.organization_id', '=', tx.organizationId)
    .where(sql<SqlBool>`c.id in (select unnest(${[...ids]}::uuid[]))`)
    .orderBy('c.id')
    .execute();
  const access = await patientAccessMany(
    tx,
    rows.map((c) => ({ id: c.patient_id, restricted: c.restricted })),
  );
  const open = new Set(rows.filter((c) => access.get(c.patient_id)).map((c) => c.id));
  const missing = ids.filter((id) => !open.has(id));
  if (missing.length) throw notFound(`claim ${missing.join(', ')}`);
  const submitted = new Set(moved.map((c) => c.id));
  const notReady = rows.filter((c) => !submitted.has(c.id));
  throw new AppError(
    'CONFLICT',
    `only ready claims go in a batch: ${notReady.map((c) => `${c.patient_control_number} is ${c.status}`).join('; ')}`,
    {
      errors: notReady.map((c) => ({
        path: `claimIds.${input.claimIds.indexOf(c.id)}`,
        message: `Claim ${c.patient_control_number} is ${c.status}, not ready.`,
      })),
    },
  );
}

/**
 * Build an 837P batch from ready claims (up to 10,000): every claim must be `ready` (409 naming
 * the others; nothing changes). Claims of different billing providers (locations with their own
 * billing NPI/TIN) go under one 2000A loop each. Control numbers come from the counter row in
 * this transaction (one ST02 per 5,000 claims); the X12 text and its SHA-256 are stored and the
 * claims become `submitted`.
 * The caller writes the outbox file after commit (recordBatchOutbox). With `upload` (a
 * clearinghouse SFTP server is configured) the upload job is queued in this transaction.
 * `claimsPerTransaction` (default CLAIMS_PER_TRANSACTION) lets a test build a several-set batch
 * from a few claims; the route never sets it.
 */
export async function createClaimBatch(
  ctx: Ctx,
  input: ClaimBatchInput,
  opts: { upload?: boolean; claimsPerTransaction?: number } = {},
): Promise<ClaimBatch & { x12: string }> {
  requirePermission(ctx, 'claim:submit');
  const ids = [...new Set(input.claimIds)].sort();
  return inTransaction(ctx, async (tx) => {
    const settings = await readModuleSettings(tx.db, tx.organizationId, Object.keys(CLAIMS_SETTINGS));
    const usage = settings.claims_usage_indicator === 'P' ? 'P' : 'T';
    const perTransaction = opts.claimsPerTransaction ?? CLAIMS_PER_TRANSACTION;
    const transactionCount = Math.ceil(ids.length / perTransaction);
    const numbers = await takeControlNumbers(tx, transactionCount);
    const now = tx.clock.now();
    const iso = now.toISOString();
    // The batch row first (its claims point at it); its total and its 837P are filled below.
    const batch = await tx.db
      .insertInto('claim_batches')
      .values({
        organization_id: tx.organizationId,
        interchange_control_number: numbers.interchange,
        group_control_number: numbers.group,
        transaction_control_number: numbers.transaction,
        claim_count: ids.length,
        total_charge_cents: 0,
        usage_indicator: usage,
        x12: '',
        sha256: EMPTY_SHA256,
        created_by: actorUserId(tx),
        created_at: now,
        upload_state: opts.upload ? 'queued' : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Lock, check and move in one statement; anything wrong is refused below and rolls it all back.
    const claims = await submitReadyClaims(tx, ids, batch.id, `in batch ${numbers.interchange} (ISA13)`);
    const access = await patientAccessMany(
      tx,
      claims.map((c) => ({ id: c.patient_id, restricted: c.restricted })),
    );
    if (claims.length !== ids.length || claims.some((c) => !access.get(c.patient_id))) await refuseBatch(tx, input, ids, claims);
    const firstClaim = claims[0];
    if (!firstClaim) throw notFound('claim');
    if (opts.upload) await enqueueBatchUpload(tx, batch.id);
    const lines = await claimLinesMany(
      tx,
      claims.map((c) => c.id),
    );
    // The ledger's entry and the audit rows go to PostgreSQL while this process builds the 837P
    // in slices (the event loop stays free to send each next statement): the database's work and
    // the build overlap instead of following each other. One chain of statements, so nothing is
    // sent after a failure, and every path below waits for it before the transaction ends.
    const perPatient = new Map<string, number>();
    for (const c of claims) perPatient.set(c.patient_id, (perPatient.get(c.patient_id) ?? 0) + 1);
    const writing = (async () => {
      await emit(tx, claimsSubmitted, {
        batchId: batch.id,
        claims: claims.map((c) => ({
          claimId: c.id,
          patientId: c.patient_id,
          encounterId: c.encounter_id,
          payerId: c.payer_id,
          locationId: c.location_id,
          totalChargeCents: Number(c.total_charge_cents),
          frequencyCode: c.frequency_code,
          priority: c.snapshot.coverage.priority,
        })),
      });
      await recordAuditMany(
        tx,
        [...perPatient].map(([patientId, count]) => ({
          action: 'create' as const,
          resourceType: 'claim_batch',
          resourceId: batch.id,
          access: access.get(patientId) ?? { patientId, breakGlass: false },
          details: { batchId: batch.id, interchangeControlNumber: numbers.interchange, claims: count },
        })),
      );
    })();
    writing.catch(() => undefined);
    const bp = firstClaim.snapshot.billingProvider;
    let x12: string;
    try {
      const claims837: Claim837[] = [];
      for (const [i, row] of claims.entries()) {
        if (i % SLICE === SLICE - 1) await new Promise<void>((resolve) => setImmediate(resolve));
        claims837.push(
          claimTo837({
            ...toScrubClaim(row, lines.get(row.id) ?? []),
            patientControlNumber: row.patient_control_number,
            totalChargeCents: Number(row.total_charge_cents),
            placeOfService: row.place_of_service,
            priorAuthorization: row.prior_authorization,
            frequencyCode: row.frequency_code,
            payerClaimControlNumber: row.payer_claim_control_number,
          }),
        );
      }
      x12 = await build837PInSlices(
        {
          submitter: {
            id: text(settings.claims_submitter_id, bp.tin ?? 'CLINICDESK'),
            name: text(settings.claims_submitter_name, bp.name),
            contactName: text(settings.claims_submitter_contact, 'Billing office'),
            phone: text(settings.claims_submitter_phone, '0000000000'),
          },
          receiver: { id: text(settings.claims_receiver_id, 'CLEARINGHOUSE'), name: text(settings.claims_receiver_name, 'CLEARINGHOUSE') },
          billingProvider: billingProvider837(bp),
          claims: claims837,
        },
        {
          controlNumbers: {
            interchange: numbers.interchange,
            group: numbers.group,
            transactions: Array.from({ length: transactionCount }, (_, i) => numbers.transaction + i),
          },
          maxClaimsPerTransaction: perTransaction,
          usageIndicator: usage,
          date: iso.slice(0, 10),
          time: iso.slice(11, 13) + iso.slice(14, 16),
        },
        SLICE,
      );
    } catch (e) {
      await writing.catch(() => undefined);
      if (e instanceof X12Error) throw new AppError('CONFLICT', `the 837P cannot be built: ${e.message}`);
      throw e;
    }
    await writing;
    await tx.db
      .updateTable('claim_batches')
      .set({
        x12,
        sha256: createHash('sha256').update(x12).digest('hex'),
        total_charge_cents: claims.reduce((t, c) => t + Number(c.total_charge_cents), 0),
      })
      .where('id', '=', batch.id)
      .where('organization_id', '=', tx.organizationId)
      .execute();
    const row = await selectBatches(tx).where('id', '=', batch.id).executeTakeFirstOrThrow();
    return { ...toBatch(row), x12 };
  });
}
