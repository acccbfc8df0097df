/**
 * `claims-837-10k`: 10,000 ready claims (two lines each, one per patient: a signed encounter, a
 * primary coverage, the claim with its snapshot, as `POST /api/claims` and a clean scrub leave
 * them) go out in one `POST /api/claim-batches`, the real use case: lock, access, control
 * numbers, the 837P built (two transaction sets of 5,000), stored with its SHA-256, every claim
 * submitted with its timeline row, the batch audited per patient, the file written to the
 * outbox. The claims are written straight to the tables (building them through the API would
 * take the bench minutes and is not what is measured). Target: under 3 s on PostgreSQL.
 */
import { npiWithCheckDigit } from '@domain/shared/validation.ts';
import { sql } from 'kysely';
import { BENCH_ADMIN, type BenchServer, type Scenario, sequentialLatency } from '../harness.ts';

const CLAIMS = 10_000;
const DATE_OF_SERVICE = '2026-03-03';

async function readyClaims(s: BenchServer, count: number): Promise<string[]> {
  const org = s.organizationId;
  const stamp = Date.now();
  const admin = await s.db.selectFrom('users').select('id').where('email', '=', BENCH_ADMIN.email).executeTakeFirstOrThrow();
  const npi = npiWithCheckDigit(String(500_000_000 + (stamp % 99_999_999)));
  const billingNpi = npiWithCheckDigit(String(600_000_000 + (stamp % 99_999_999)));
  const provider = await s.db
    .insertInto('providers')
    .values({ organization_id: org, given_name: 'Bench', family_name: `Biller ${stamp}`, npi })
    .returning('id')
    .executeTakeFirstOrThrow();
  const address = { line1: '100 Main St', line2: null, city: 'Denver', state: 'CO', postalCode: '80202' };
  const location = await s.db
    .insertInto('locations')
    .values({
      organization_id: org,
      name: `Bench Claims Clinic ${stamp}`,
      time_zone: 'America/Denver',
      billing_npi: billingNpi,
      tin: '840123456',
      address_line1: address.line1,
      city: address.city,
      state: address.state,
      postal_code: address.postalCode,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const payer = await s.db
    .insertInto('payers')
    .values({ organization_id: org, name: `Bench Health ${stamp}`, edi_payer_id: '60054', timely_filing_days: 3650 })
    .returning('id')
    .executeTakeFirstOrThrow();
  const all = await s.patients();
  const patients = Array.from({ length: count }, (_, i) => all[i % all.length] as string);
  const counter = await sql<{ n: string }>`
    insert into claim_counters (organization_id, next_claim_number) values (${org}, ${count + 1})
    on conflict (organization_id) do update set next_claim_number = claim_counters.next_claim_number + ${count}
    returning next_claim_number - ${count} as n`.execute(s.db);
  const firstNumber = Number(counter.rows[0]?.n);
  const ids: string[] = [];
  for (let start = 0; start < count; start += 1000) {
    const part = patients.slice(start, start + 1000);
    const encounters = await s.db
      .insertInto('encounters')
      .values(
        part.map((patientId) => ({
          organization_id: org,
          patient_id: patientId,
          provider_id: provider.id,
          location_id: location.id,
          date_of_service: DATE_OF_SERVICE,
          status: 'signed' as const,
          assessment: 'Essential hypertension.',
          signed_at: new Date(),
          signed_by: admin.id,
        })),
      )
      .returning(['id', 'patient_id'])
      .execute();
    const coverages = await s.db
      .insertInto('coverages')
      .values(
        part.map((patientId, i) => ({
          organization_id: org,
          patient_id: patientId,
          payer_id: payer.id,
          member_id: `BENCH${start + i}`,
          priority: 'primary' as const,
          effective_date: '2026-01-01',
        })),
      )
      .returning('id')
      .execute();
    const person = (i: number) => ({
      givenName: 'Pat',
      familyName: `Bench${start + i}`,
      birthDate: '1970-05-01',
      sex: i % 2 ? 'female' : 'male',
      address,
    });
    // A claim and its snapshot commit together (a deferred trigger checks every claim has one).
    const claims = await s.db.transaction().execute(async (trx) => {
      const rows = await trx
        .insertInto('claims')
        .values(
          encounters.map((e, i) => ({
            organization_id: org,
            patient_id: e.patient_id,
            encounter_id: e.id,
            coverage_id: (coverages[i] as { id: string }).id,
            payer_id: payer.id,
            provider_id: provider.id,
            location_id: location.id,
            patient_control_number: `C${String(firstNumber + start + i).padStart(7, '0')}`,
            status: 'ready' as const,
            date_of_service: DATE_OF_SERVICE,
            place_of_service: '11',
            diagnoses: ['I10', 'E11.9'],
            total_charge_cents: 16_500,
            last_scrub: JSON.stringify({ at: new Date().toISOString(), errors: [], warnings: [] }),
            created_by: admin.id,
          })),
        )
        .returning('id')
        .execute();
      await trx
        .insertInto('claim_snapshots')
        .values(
          rows.map((c, i) => ({
            organization_id: org,
            claim_id: c.id,
            snapshot: JSON.stringify({
              billingProvider: { name: 'Bench Family Practice', npi: billingNpi, tin: '840123456', address },
              renderingProvider: { givenName: 'Bench', familyName: 'Biller', npi, taxonomy: '207Q00000X' },
              referringProvider: null,
              serviceFacility: { name: 'Bench Claims Clinic', address },
              payer: { name: 'Bench Health', ediPayerId: '60054', timelyFilingDays: 3650, claimFilingIndicator: 'CI' },
              coverage: { effectiveDate: '2026-01-01', terminationDate: null, priority: 'primary' },
              subscriber: { ...person(i), memberId: `BENCH${start + i}`, groupNumber: null, relationship: '18' },
              patient: person(i),
            }),
          })),
        )
        .execute();
      return rows;
    });
    await s.db
      .insertInto('claim_lines')
      .values(
        claims.flatMap((c) => [
          {
            organization_id: org,
            claim_id: c.id,
            line_number: 1,
            charge_id: crypto.randomUUID(),
            procedure_code: '99213',
            modifiers: [],
            units: 1,
            charge_cents: 15_000,
            diagnosis_pointers: [1, 2],
          },
          {
            organization_id: org,
            claim_id: c.id,
            line_number: 2,
            charge_id: crypto.randomUUID(),
            procedure_code: '36415',
            modifiers: [],
            units: 1,
            charge_cents: 1_500,
            diagnosis_pointers: [1],
          },
        ]),
      )
      .execute();
    ids.push(...claims.map((c) => c.id));
  }
  return ids;
}

export const claims837: Scenario = {
  name: 'claims-837-10k',
  once: true,
  description: 'POST /api/claim-batches with 10,000 ready claims: one 837P batch built, stored and every claim submitted (target < 3 s)',
  async run(s) {
    const claimIds = await readyClaims(s, CLAIMS);
    let segments = 0;
    const result = await sequentialLatency('claims-837-10k', 1, async () => {
      const r = await fetch(`${s.url}/api/claim-batches`, {
        method: 'POST',
        headers: { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/json' },
        body: JSON.stringify({ claimIds }),
      });
      if (r.status !== 201) throw new Error(`the batch was refused: ${r.status} ${await r.clone().text()}`);
      return r;
    });
    const batch = await s.db
      .selectFrom('claim_batches')
      .select(['claim_count', 'x12'])
      .where('organization_id', '=', s.organizationId)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    segments = batch.x12.split('~').length - 1;
    return { ...result, claims: batch.claim_count, x12Bytes: batch.x12.length, segments, batchSeconds: result.latencyP50Ms / 1000 };
  },
};

export const claimScenarios: Scenario[] = [claims837];
