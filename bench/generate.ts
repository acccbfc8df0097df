/** Synthetic data for benchmarks: same seed, same data. Set-based inserts in batches. */
import type { Db } from '@domain/shared/context.ts';
import { sql } from 'kysely';
import { benchPatient, type NameModel, populationStreams } from './population.ts';

/** Insert `count` synthetic patients into the organization; returns their ids. Idempotent per (org, seed, count) is not needed: each bench run has a fresh database. */
export async function generatePatients(db: Db, organizationId: string, count: number, seed: number, model: NameModel): Promise<string[]> {
  const { rnd, names } = populationStreams(seed);
  const ids: string[] = [];
  const batch = 5_000;
  for (let start = 0; start < count; start += batch) {
    const n = Math.min(batch, count - start);
    const rows = Array.from({ length: n }, (_, k) => benchPatient(rnd, names, start + k, model));
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
  // A registry that has been running is vacuumed: visibility map set, statistics current.
  await sql`vacuum (analyze) patients, patient_name_words`.execute(db);
  // And has its bulk load on disk: otherwise the checkpoint of a million fresh rows runs
  // during the first measurement. Needs superuser or pg_checkpoint; skipped without.
  await sql`checkpoint`.execute(db).catch(() => undefined);
  return ids;
}
