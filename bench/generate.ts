/** Synthetic data for benchmarks: same seed, same data. Set-based inserts in batches. */
import { syntheticPatient } from '@domain/demo/index.ts';
import type { Db } from '@domain/shared/context.ts';
import { seededRandom } from '@domain/shared/random.ts';
import { sql } from 'kysely';

/** Insert `count` synthetic patients into the organization; returns their ids. Idempotent per (org, seed, count) is not needed: each bench run has a fresh database. */
export async function generatePatients(db: Db, organizationId: string, count: number, seed: number): Promise<string[]> {
  const rnd = seededRandom(seed);
  const ids: string[] = [];
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const rows = Array.from({ length: n }, (_, k) => syntheticPatient(rnd, start + k));
    const res = await sql<{ id: string }>`
      insert into patients (organization_id, mrn, given_name, family_name, birth_date, sex, phones, email, address)
      select ${organizationId}::uuid, nextval('patient_mrn_seq')::text, g, f, b::date, s, p::jsonb, e, a::jsonb
      from unnest(${rows.map((r) => r.givenName)}::text[], ${rows.map((r) => r.familyName)}::text[],
                  ${rows.map((r) => r.birthDate)}::text[], ${rows.map((r) => r.sex)}::text[],
                  ${rows.map((r) => JSON.stringify([{ type: 'mobile', number: r.phone }]))}::text[],
                  ${rows.map((r) => r.email)}::text[], ${rows.map((r) => JSON.stringify(r.address))}::text[])
        as t(g, f, b, s, p, e, a)
      returning id`.execute(db);
    for (const r of res.rows) ids.push(r.id);
  }
  await sql`analyze patients`.execute(db);
  return ids;
}
