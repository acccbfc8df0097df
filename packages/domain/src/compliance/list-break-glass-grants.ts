import { sql } from 'kysely';
import { requirePermission } from '../access/index.ts';
import { recordAudit } from '../audit/index.ts';
import { type Ctx, inTransaction } from '../shared/context.ts';
import { invalid } from '../shared/errors.ts';
import type { BreakGlassGrant, BreakGlassReportQuery } from './compliance.schemas.ts';

interface GrantRow {
  id: string;
  user_id: string;
  patient_id: string;
  reason: string;
  created_at: Date;
  expires_at: Date;
  user_email: string | null;
  user_display_name: string | null;
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
 * grant's window for rows written without one). Viewing the report is audited.
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
    const { rows } = await sql<GrantRow>`
      select g.id, g.user_id, g.patient_id, g.reason, g.created_at, g.expires_at,
             u.email as user_email, u.display_name as user_display_name,
             (select count(*) from audit_events e where ${flagged})::int as access_count,
             coalesce((select json_agg(x order by x.seq desc) from (
                 select e.seq, e.occurred_at, e.action, e.resource_type, e.resource_id, e.outcome
                   from audit_events e where ${flagged} order by e.seq desc limit 100) x), '[]'::json) as accesses
        from break_glass_grants g left join users u on u.id = g.user_id
       where ${sql.join(conds, sql` and `)}
       order by g.created_at desc, g.id desc
       limit ${query.limit + 1}`.execute(tx.db);
    const now = tx.clock.now().getTime();
    const items = rows.slice(0, query.limit).map(
      (r): BreakGlassGrant => ({
        id: r.id,
        userId: r.user_id,
        userEmail: r.user_email,
        userDisplayName: r.user_display_name,
        patientId: r.patient_id,
        reason: r.reason,
        createdAt: r.created_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        active: r.expires_at.getTime() > now,
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
