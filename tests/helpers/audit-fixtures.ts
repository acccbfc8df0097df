/** Test helpers for the audit area: patients inserted directly, and superuser SQL for tamper tests. */
import { randomBytes } from 'node:crypto';
import type { Db } from '@domain/shared/context.ts';
import pg from 'pg';

/** A patient row (minimal columns) in `organizationId`; restricted records get `careTeam`. */
export async function insertPatient(
  db: Db,
  organizationId: string,
  opts: { restricted?: boolean; careTeam?: string[] } = {},
): Promise<string> {
  const row = await db
    .insertInto('patients')
    .values({
      organization_id: organizationId,
      mrn: `T${randomBytes(5).toString('hex')}`,
      given_name: 'Alex',
      family_name: `Tester${randomBytes(2).toString('hex')}`,
      birth_date: '1980-05-17',
      restricted: opts.restricted ?? false,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const userId of opts.careTeam ?? []) {
    await db.insertInto('patient_care_team').values({ organization_id: organizationId, patient_id: row.id, user_id: userId }).execute();
  }
  return row.id;
}

/** Run SQL as the superuser (no SET ROLE): what an attacker with database superuser could do. */
export async function asSuperuser<T>(connectionString: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
