import { sql } from 'kysely';
import { mayOpenPatientRowSql, requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import { BREAK_GLASS_RENEWAL_WINDOW_HOURS, type BreakGlassGrant, type BreakGlassReportQuery } from './compliance.schemas.ts';

interface GrantRow {
  id: string;
  user_id: string;
  patient_id: string;
  patient_name: string | null;
  reason: string;
  created_at: Date;
  expires_at: Date;
  user_email: string | null;
  user_display_name: string | null;
  reviewed_at: Date | null;
  reviewed_by: string | null;
  reviewer_display_name: string | null;
  review_note: string | null;
  chain_position: number | null;
  previous_grant_id: string | null;
  previous_reviewed: boolean | null;
  access_count: number;
  accesses: {
    seq: number;
    occurred_at: string;
    action: string;
    resource_type: string | null;
    resource_id: string | null;
    outcome: 'success' | 'denied';
  }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw invalid('cursor', 'not a cursor from this list');
  return id;
}

/**
 * The office manager's review of emergency access: grants newest first, each with the
 * audit rows flagged under it (attributed by grant id, or by user, patient and the
 * grant's window for rows written without one), its review, and its place in a chain:
 * a grant opened less than 24 hours after the same user's previous grant for the same
 * record renews it (`chain`: its position, counting back link by link, and the grant it
 * follows). Viewing the report is audited. The accesses come from audit's audit_trail view,
 * the names from identity's staff_directory and patients' patient_names (a restricted record's
 * name only for who may open it now, as on every list).
 */
export async function listBreakGlassGrants(
  ctx: Ctx,
  query: BreakGlassReportQuery,
): Promise<{ items: BreakGlassGrant[]; nextCursor: string | null }> {
  requirePermission(ctx, 'audit:read');
  return inTransaction(ctx, async (tx) => {
    const org = tx.organizationId;
    const conds = [sql`g.organization_id = ${org}`];
    if (query.userId) conds.push(sql`g.user_id = ${query.userId}`);
    if (query.patientId) conds.push(sql`g.patient_id = ${query.patientId}`);
    if (query.from) conds.push(sql`g.created_at >= ${new Date(query.from)}`);
    if (query.to) conds.push(sql`g.created_at < ${new Date(query.to)}`);
    if (query.active === 'true') conds.push(sql`g.expires_at > ${tx.clock.now()}`);
    if (query.active === 'false') conds.push(sql`g.expires_at <= ${tx.clock.now()}`);
    if (query.cursor) {
      const after = decodeCursor(query.cursor);
      const anchor = await tx.db
        .selectFrom('break_glass_grants')
        .select('id')
        .where('id', '=', after)
        .where('organization_id', '=', org)
        .executeTakeFirst();
      if (!anchor) throw invalid('cursor', 'not a cursor from this list');
      conds.push(sql`(g.created_at, g.id) < ((select created_at from break_glass_grants where id = ${after}), ${after}::uuid)`);
    }
    const flagged = sql`e.organization_id = g.organization_id and e.break_glass and e.user_id = g.user_id
      and e.patient_id = g.patient_id and e.action <> 'break_glass'
      and (e.details->>'breakGlassGrantId' = g.id::text
           or (e.details->>'breakGlassGrantId' is null and e.occurred_at between g.created_at and g.expires_at))`;
    const window = sql`${BREAK_GLASS_RENEWAL_WINDOW_HOURS}::int * interval '1 hour'`;
    // The grant just before `w` of the same user for the same record, if it is within the window.
    const before = (w: string) =>
      sql`select q.id, q.created_at from break_glass_grants q
           where q.organization_id = ${sql.ref(`${w}.organization_id`)} and q.user_id = ${sql.ref(`${w}.user_id`)}
             and q.patient_id = ${sql.ref(`${w}.patient_id`)}
             and q.created_at > ${sql.ref(`${w}.created_at`)} - ${window}
             and (q.created_at, q.id) < (${sql.ref(`${w}.created_at`)}, ${sql.ref(`${w}.id`)})
           order by q.created_at desc, q.id desc limit 1`;
    const { rows } = await sql<GrantRow>`
      with recursive page as (
        select g.* from break_glass_grants g
         where ${sql.join(conds, sql` and `)}
         order by g.created_at desc, g.id desc
         limit ${query.limit + 1}
      ),
      -- Each page grant walks back through the grants it follows (one index probe per link).
      walk (grant_id, id, organization_id, user_id, patient_id, created_at, n) as (
        select p.id, p.id, p.organization_id, p.user_id, p.patient_id, p.created_at, 1 from page p
        union all
        select w.grant_id, b.id, w.organization_id, w.user_id, w.patient_id, b.created_at, w.n + 1
          from walk w cross join lateral (${before('w')}) b
      ),
      chains as (select grant_id, max(n)::int as position from walk group by grant_id)
      select g.id, g.user_id, g.patient_id, pn.given_name || ' ' || pn.family_name as patient_name, g.reason, g.created_at, g.expires_at,
             u.email as user_email, u.display_name as user_display_name,
             r.reviewed_at, r.reviewed_by, ru.display_name as reviewer_display_name, r.note as review_note,
             c.position as chain_position, prev.id as previous_grant_id,
             (prev.id is not null and exists (select 1 from break_glass_reviews pr where pr.grant_id = prev.id)) as previous_reviewed,
             (select count(*) from audit_trail e where ${flagged})::int as access_count,
             coalesce((select json_agg(x order by x.seq desc) from (
                 select e.seq, e.occurred_at, e.action, e.resource_type, e.resource_id, e.outcome
                   from audit_trail e where ${flagged} order by e.seq desc limit 100) x), '[]'::json) as accesses
        from page g
        left join staff_directory u on u.id = g.user_id
        left join patient_names pn on pn.id = g.patient_id and pn.organization_id = g.organization_id
             and ${mayOpenPatientRowSql(tx, 'pn')}
        left join break_glass_reviews r on r.grant_id = g.id
        left join staff_directory ru on ru.id = r.reviewed_by
        left join chains c on c.grant_id = g.id
        left join lateral (${before('g')}) prev on true
       order by g.created_at desc, g.id desc`.execute(tx.db);
    const now = tx.clock.now().getTime();
    const items = rows.slice(0, query.limit).map(
      (r): BreakGlassGrant => ({
        id: r.id,
        userId: r.user_id,
        userEmail: r.user_email,
        userDisplayName: r.user_display_name,
        patientId: r.patient_id,
        patientName: r.patient_name,
        reason: r.reason,
        createdAt: r.created_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        active: r.expires_at.getTime() > now,
        review:
          r.reviewed_at && r.reviewed_by
            ? {
                reviewedAt: r.reviewed_at.toISOString(),
                reviewedBy: r.reviewed_by,
                reviewerDisplayName: r.reviewer_display_name,
                note: r.review_note,
              }
            : null,
        chain:
          r.previous_grant_id && r.chain_position
            ? { position: r.chain_position, previousGrantId: r.previous_grant_id, previousReviewed: r.previous_reviewed === true }
            : null,
        accessCount: r.access_count,
        accesses: r.accesses.map((a) => ({
          seq: Number(a.seq),
          occurredAt: new Date(a.occurred_at).toISOString(),
          action: a.action,
          resourceType: a.resource_type,
          resourceId: a.resource_id,
          outcome: a.outcome,
        })),
      }),
    );
    const last = items[items.length - 1];
    await recordAudit(tx, { action: 'read', resourceType: 'break_glass_report', details: { count: items.length } });
    return {
      items,
      nextCursor: rows.length > query.limit && last ? Buffer.from(last.id).toString('base64url') : null,
    };
  });
}
