import { sql } from 'kysely';
import { locationsHolding, requirePermission, actingLocation, NOBODY } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { keyset } from '../shared/cursor.ts';
import { type ApplicantRow, loadApplicantDetail, selectApplicants, toApplicant } from './applicant-row.ts';
import type { Applicant, ApplicantDetail, ApplicantQuery } from './hiring.schemas.ts';

const keys = keyset('instant', 'uuid');

/** Applicants newest first, at the locations the caller may see: by position, stage, location, or a name or email fragment. */
export async function listApplicants(ctx: Ctx, q: ApplicantQuery): Promise<{ items: Applicant[]; nextCursor: string | null }> {
  requirePermission(ctx, 'hiring:read');
  return inTransaction(ctx, async (tx) => {
    let query = selectApplicants(tx);
    const readable = locationsHolding(tx, 'hiring:read', { selectedOnly: true });
    if (readable) query = query.where('p.location_id', 'in', readable.length ? readable : [NOBODY]);
    if (q.locationId) query = query.where('p.location_id', '=', (await actingLocation(tx, 'hiring:read', q.locationId)).id);
    if (q.positionId) query = query.where('a.position_id', '=', q.positionId);
    if (q.stage) query = query.where('a.stage', '=', q.stage);
    if (q.q) {
      const like = `%${q.q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
      query = query.where((eb) => eb.or([eb('a.name', 'ilike', like), eb('a.email', 'ilike', like)]));
    }
    const c = keys.decode(q.cursor);
    if (c) query = query.where(sql<boolean>`(a.created_at, a.id) < (${c[0]}::timestamptz, ${c[1]}::uuid)`);
    const rows = await query
      .orderBy('a.created_at', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const { page, nextCursor } = keys.page(rows, q.limit, (r) => [new Date(r.created_at), r.id]);
    // The list carries the same HR data as one applicant's record: its reading is audited too.
    await recordAudit(tx, {
      action: 'search',
      resourceType: 'applicant',
      details: {
        count: page.length,
        ...(q.positionId && { positionId: q.positionId }),
        ...(q.stage && { stage: q.stage }),
        ...(q.q && { text: true as const }),
      },
    });
    return { items: page.map((r) => toApplicant(r as ApplicantRow)), nextCursor };
  });
}

/** One applicant with their history; the read of this HR record is audited with it. */
export async function getApplicant(ctx: Ctx, id: string): Promise<ApplicantDetail> {
  requirePermission(ctx, 'hiring:read');
  return inTransaction(ctx, async (tx) => {
    const applicant = await loadApplicantDetail(tx, id, 'hiring:read');
    await recordAudit(tx, { action: 'read', resourceType: 'applicant', resourceId: id, details: null });
    return applicant;
  });
}
