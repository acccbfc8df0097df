/** How fee schedule entries are read, mapped and locked; `payerId` null names the standard schedule. */
import type { Selectable } from 'kysely';
import { findPayer } from '../insurance/index.ts';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { FeeEntry } from './billing.schemas.ts';
import type { FeeScheduleEntriesTable } from './billing.tables.ts';

export type FeeEntryRow = Selectable<FeeScheduleEntriesTable>;

export function toFeeEntry(r: FeeEntryRow): FeeEntry {
  return {
    id: r.id,
    payerId: r.payer_id,
    code: r.code,
    modifier: r.modifier,
    amountCents: Number(r.amount_cents),
    effectiveFrom: r.effective_from,
    effectiveTo: r.effective_to,
    version: r.version,
  };
}

/** Entries of one schedule of the caller's organization. */
export function selectSchedule(ctx: Ctx, payerId: string | null) {
  const q = ctx.db.selectFrom('fee_schedule_entries').selectAll().where('organization_id', '=', ctx.organizationId);
  return payerId === null ? q.where('payer_id', 'is', null) : q.where('payer_id', '=', payerId);
}

/** NOT_FOUND unless the payer is the organization's (another practice's payer does not exist here). */
export async function requirePayer(ctx: Ctx, payerId: string | null): Promise<void> {
  if (payerId !== null && !(await findPayer(ctx, payerId))) throw notFound('payer');
}

/** Lock an entry of that schedule for a change; NOT_FOUND otherwise. */
export async function lockFeeEntry(tx: Ctx, payerId: string | null, id: string): Promise<FeeEntryRow> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw notFound('fee schedule entry');
  const row = await selectSchedule(tx, payerId).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw notFound('fee schedule entry');
  return row;
}

/**
 * The dates overlap another entry of the same code and modifier: PostgreSQL's exclusion_violation
 * (23P01), or a deadlock (40P01). Two writers of overlapping dates at the same moment each find
 * the other's not yet committed index entry and wait for it; PostgreSQL breaks the wait by
 * aborting one, which has lost to the other (as scheduling's isExclusionViolation says of bookings).
 */
export const isOverlap = (e: unknown): boolean => {
  const code = (e as { code?: string } | null)?.code;
  return code === '23P01' || code === '40P01';
};

/**
 * A schedule write's whole transaction, commit included: the overlap constraint is deferrable,
 * so two writes at the same moment (or a write beside an import that deferred it) may only
 * meet at COMMIT. Its 23P01 then becomes `conflict()` (409 naming effectiveFrom), not a 500.
 */
export function refuseOverlapAtCommit<T>(work: Promise<T>, conflict: () => Error): Promise<T> {
  return work.catch((e: unknown) => {
    throw isOverlap(e) ? conflict() : e;
  });
}
