/**
 * Who is on a patient's care team (the people a restricted record opens to without
 * break-glass): the users listed in patient_care_team, plus, implicitly, the active
 * users linked to the patient's primary provider (users.provider_id). The implicit part
 * follows the record: a new primary provider's clinician gets in, the old one drops out.
 * Access owns no tables: it reads the views the owners declare for it (patients:
 * patient_access_facts, patient_care_team_members; identity: staff_directory), which the
 * planner inlines, so each predicate costs what it did on the tables.
 */
import { type Expression, type SqlBool, sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';

/**
 * SQL predicate: `userId` is on the care team of the patient row `alias` (e.g. 'p' for
 * `from patient_access_facts p`; the row needs `id` and `primary_provider_id`). The
 * primary-provider part compares the row's own column with the user's provider, looked up
 * once per statement: a join back to patients here made the planner price a hashed scan of
 * the whole registry into every search.
 */
export function onCareTeamSql(alias: string, userId: string): Expression<SqlBool> {
  return sql<SqlBool>`(exists (select 1 from patient_care_team_members ct where ct.patient_id = ${sql.ref(`${alias}.id`)} and ct.user_id = ${userId})
    or ${sql.ref(`${alias}.primary_provider_id`)} = (select cu.provider_id from staff_directory cu where cu.id = ${userId} and cu.active))`;
}

export async function isOnCareTeam(ctx: Ctx, patientId: string, userId: string): Promise<boolean> {
  const { rows } = await sql<{
    member: boolean;
  }>`select ${onCareTeamSql('p', userId)} as member from patient_access_facts p where p.id = ${patientId}`.execute(ctx.db);
  return rows[0]?.member === true;
}
