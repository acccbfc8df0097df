/**
 * The access decision of requirePatientAccess for many patients at once, for pages that
 * show other people's records (the schedule, the flow board, the printed day, the waiting
 * list): a restricted record's details go to its care team (care-team.ts) and to holders
 * of an active break-glass grant; everyone else gets a placeholder instead of a refusal.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { onCareTeamSql } from './care-team.ts';
import type { PatientAccess } from './patient-access.ts';
import { systemMayOpenRestricted } from './require-permission.ts';

/** SQL: `userId` holds an active break-glass grant for the patient row `alias` (compliance's break_glass_windows). */
function activeGrantSql(ctx: Ctx, alias: string, userId: string): Expression<SqlBool> {
  return sql<SqlBool>`exists (select 1 from break_glass_windows g where g.patient_id = ${sql.ref(`${alias}.id`)}
    and g.user_id = ${userId} and g.expires_at > ${ctx.clock.now()})`;
}

/**
 * SQL predicate: the actor may open the patient row `alias`: it is not restricted, the actor is
 * the system at work that reaches restricted records, on its care team, or holds an active grant. The row needs `id` and `restricted`
 * (patients' patient_names view, say); for a restricted one the care team and grants are looked
 * up by id (patients' patient_access_facts). For filters that would otherwise tell what a
 * placeholder hides, over lists of modest size.
 */
export function mayOpenPatientSql(ctx: Ctx, alias: string): Expression<SqlBool> {
  if (systemMayOpenRestricted(ctx)) return sql<SqlBool>`true`;
  const restricted = sql.ref(`${alias}.restricted`);
  if (ctx.actor.kind !== 'user') return sql<SqlBool>`not ${restricted}`;
  const userId = ctx.actor.userId;
  return sql<SqlBool>`(not ${restricted} or exists (select 1 from patient_access_facts f where f.id = ${sql.ref(`${alias}.id`)}
    and (${onCareTeamSql('f', userId)} or ${activeGrantSql(ctx, 'f', userId)})))`;
}

/**
 * The same predicate on a row that carries `id`, `restricted` and `primary_provider_id` itself
 * (the patients module's own rows, patient_access_facts): read in place, no lookup. For scans
 * such as the patient search, where a lookup back to the registry would make the planner price
 * a scan of all of it.
 */
export function mayOpenPatientRowSql(ctx: Ctx, alias: string): Expression<SqlBool> {
  if (systemMayOpenRestricted(ctx)) return sql<SqlBool>`true`;
  const restricted = sql.ref(`${alias}.restricted`);
  if (ctx.actor.kind !== 'user') return sql<SqlBool>`not ${restricted}`;
  const userId = ctx.actor.userId;
  return sql<SqlBool>`(not ${restricted} or ${onCareTeamSql(alias, userId)} or ${activeGrantSql(ctx, alias, userId)})`;
}

/**
 * Which of these patients (rows already read in ctx.organizationId, with their `restricted`
 * flag) the actor may open, and on what grounds: the answer for each id is what
 * requirePatientAccess would return (pass it to recordAudit as `access`), or null where it
 * would refuse. One query for the whole page, and none when the page holds no restricted
 * record. No permission check and no denial audit: nothing is disclosed on a null.
 */
export async function patientAccessMany(
  ctx: Ctx,
  patients: readonly { id: string; restricted: boolean }[],
): Promise<Map<string, PatientAccess | null>> {
  const out = new Map<string, PatientAccess | null>();
  const restricted = new Set<string>();
  for (const p of patients) {
    if (!p.restricted || systemMayOpenRestricted(ctx)) out.set(p.id, { patientId: p.id, breakGlass: false });
    else restricted.add(p.id);
  }
  if (restricted.size === 0) return out;
  for (const id of restricted) out.set(id, null);
  if (ctx.actor.kind !== 'user') return out;
  const userId = ctx.actor.userId;
  const { rows } = await sql<{ id: string; member: boolean; grant_id: string | null }>`
    select p.id, ${onCareTeamSql('p', userId)} as member,
           (select g.id from break_glass_windows g
             where g.patient_id = p.id and g.user_id = ${userId} and g.expires_at > ${ctx.clock.now()}
             order by g.expires_at desc limit 1) as grant_id
      from patient_access_facts p
     where p.organization_id = ${ctx.organizationId} and p.id = any(${[...restricted]}::uuid[])`.execute(ctx.db);
  for (const r of rows) {
    if (r.member) out.set(r.id, { patientId: r.id, breakGlass: false });
    else if (r.grant_id) out.set(r.id, { patientId: r.id, breakGlass: true, grantId: r.grant_id });
  }
  return out;
}
