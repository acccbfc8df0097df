/**
 * Who is on a patient's care team (the people a restricted record opens to without
 * break-glass): the users listed in patient_care_team, plus, implicitly, the active
 * users linked to the patient's primary provider (users.provider_id). The implicit part
 * follows the record: a new primary provider's clinician gets in, the old one drops out.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/**
 * SQL predicate: `userId` is on the care team of the patient row `alias` (e.g. 'p' for
 * `from patients p`). The primary-provider part compares the row's own column with the
 * user's provider, looked up once per statement: a join back to patients here made the
 * planner price a hashed scan of the whole registry into every search.
 */
export function onCareTeamSql(alias: string, userId: string): Expression<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from patient_care_team ct where ct.patient_id = ${sql.ref(`${alias}.id`)} and ct.user_id = ${userId})
    or ${sql.ref(`${alias}.primary_provider_id`)} = (select cu.provider_id from users cu where cu.id = ${userId} and cu.active))`;
}

export async function isOnCareTeam(ctx: Ctx, patientId: string, userId: string): Promise<boolean> {
  const { rows } = await sql<{
    member: boolean;
  }>`select ${onCareTeamSql('p', userId)} as member from patients p where p.id = ${patientId}`.execute(ctx.db);
  return rows[0]?.member === true;
}
