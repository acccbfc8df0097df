/**
 * Who is on a patient's care team (the people a restricted record opens to without
 * break-glass): the users listed in patient_care_team, plus, implicitly, the active
 * users linked to the patient's primary provider (users.provider_id). The implicit part
 * follows the record: a new primary provider's clinician gets in, the old one drops out.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/** SQL predicate: `userId` is on the care team of the patient whose id is `patientIdRef` (e.g. sql.ref('p.id')). */
export function onCareTeamSql(patientIdRef: Expression<unknown>, userId: string): Expression<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from patient_care_team ct where ct.patient_id = ${patientIdRef} and ct.user_id = ${userId})
    or exists (select 1 from patients cp join users cu on cu.provider_id = cp.primary_provider_id and cu.organization_id = cp.organization_id
                where cp.id = ${patientIdRef} and cu.id = ${userId} and cu.active))`;
}

export async function isOnCareTeam(ctx: Ctx, patientId: string, userId: string): Promise<boolean> {
  const { rows } = await sql<{ member: boolean }>`select ${onCareTeamSql(sql`${patientId}::uuid`, userId)} as member`.execute(ctx.db);
  return rows[0]?.member === true;
}
