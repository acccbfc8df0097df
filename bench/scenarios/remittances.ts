/**
 * Claims scenarios: `remittance-835` posts one 835 paying 10,000 submitted claims (two lines
 * each, CO-45 and PR-3 adjustments on the first) in a single POST /api/remittances: parse, balance,
 * payment, 10,000 remittance claims, 20,000 lines, 20,000 adjustments, 10,000 state changes with
 * their timeline rows and the audit rows. Measured once (a second post of the same file would be
 * a replay that posts nothing). The claims are written straight to the database.
 */
import { randomUUID } from 'node:crypto';
import { npiWithCheckDigit } from '@domain/shared/validation.ts';
import { build835 } from '@x12/index.ts';
import { sql } from 'kysely';
import type { LoadResult, Scenario } from '../harness.ts';

const CLAIMS = 10_000;

export const remittance835: Scenario = {
  name: 'remittance-835',
  once: true,
  description: `POST /api/remittances: one 835 paying ${CLAIMS.toLocaleString('en-US')} submitted claims of 2 lines (single request, timed)`,
  async run(s) {
    const org = s.organizationId;
    const patients = (await s.patients()).slice(0, CLAIMS);
    if (patients.length < CLAIMS) throw new Error(`remittance-835 needs ${CLAIMS} patients (--patients)`);
    // Patients that already have a primary coverage (claims-837-10k in the same run) get a secondary one here.
    const covered = (
      await s.db.selectFrom('coverages').select('patient_id').where('organization_id', '=', org).where('priority', '=', 'primary').execute()
    ).map((c) => c.patient_id);
    const tag = Date.now().toString(36).toUpperCase();
    const provider = await s.db
      .insertInto('providers')
      .values({
        organization_id: org,
        given_name: 'Bench',
        family_name: 'Biller',
        npi: npiWithCheckDigit(String(500_000_000 + (Date.now() % 99_999_999))),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const location = await s.db
      .insertInto('locations')
      .values({ organization_id: org, name: `Bench Billing ${tag}`, time_zone: 'America/New_York' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const payer = await s.db
      .insertInto('payers')
      .values({ organization_id: org, name: `Bench Payer ${tag}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    const batchId = randomUUID();
    await s.db
      .insertInto('claim_batches')
      .values({
        id: batchId,
        organization_id: org,
        interchange_control_number: 900_000_000 + (Date.now() % 99_999_999),
        group_control_number: 900_000_000 + (Date.now() % 99_999_999),
        claim_count: 1,
        total_charge_cents: 0,
        usage_indicator: 'T',
        x12: 'ISA~',
        sha256: '0'.repeat(64),
      })
      .execute();
    // Coverages, encounters, claims and their two lines for the first 10,000 patients, set-based.
    await sql`
      with p as (select id, row_number() over (order by id) as n from unnest(${patients}::uuid[]) as id),
      cov as (
        insert into coverages (organization_id, patient_id, payer_id, member_id, priority, effective_date)
        select ${org}::uuid, p.id, ${payer.id}::uuid, 'M' || p.n,
          case when p.id = any(${covered}::uuid[]) then 'secondary' else 'primary' end, '2026-01-01' from p returning id, patient_id),
      enc as (
        insert into encounters (organization_id, patient_id, provider_id, location_id, date_of_service)
        select ${org}::uuid, p.id, ${provider.id}::uuid, ${location.id}::uuid, '2026-03-03' from p returning id, patient_id),
      cl as (
        insert into claims (organization_id, patient_id, encounter_id, coverage_id, payer_id, provider_id, location_id,
                            patient_control_number, status, date_of_service, place_of_service, diagnoses, total_charge_cents, batch_id)
        select ${org}::uuid, p.id, enc.id, cov.id, ${payer.id}::uuid, ${provider.id}::uuid, ${location.id}::uuid,
               ${`B${tag}`} || p.n, 'submitted', '2026-03-03', '11', array['I10'], 15000,
               ${batchId}::uuid
        from p join cov on cov.patient_id = p.id join enc on enc.patient_id = p.id
        returning id),
      snap as (
        insert into claim_snapshots (organization_id, claim_id, snapshot)
        select ${org}::uuid, cl.id, ${JSON.stringify({ payer: { name: `Bench Payer ${tag}` } })}::jsonb from cl)
      insert into claim_lines (organization_id, claim_id, line_number, charge_id, procedure_code, modifiers, units, charge_cents, diagnosis_pointers)
      select ${org}::uuid, cl.id, l.n, gen_random_uuid(), l.code, '{}', 1, l.cents, array[1]
      from cl cross join (values (1, '99213', 12000), (2, '36415', 3000)) as l(n, code, cents)`.execute(s.db);

    const claims = Array.from({ length: CLAIMS }, (_, i) => ({
      patientControlNumber: `B${tag}${i + 1}`,
      statusCode: '1',
      chargeCents: 15000,
      paidCents: 9000 + 3000,
      patientResponsibilityCents: 2000,
      payerClaimControlNumber: `PAYER${i + 1}`,
      adjustments: [],
      lines: [
        {
          procedureCode: '99213',
          modifiers: [],
          chargeCents: 12000,
          paidCents: 9000,
          units: 1,
          adjustments: [
            { group: 'CO', reasonCode: '45', amountCents: 1000 },
            { group: 'PR', reasonCode: '3', amountCents: 2000 },
          ],
          remarkCodes: [],
        },
        { procedureCode: '36415', modifiers: [], chargeCents: 3000, paidCents: 3000, units: 1, adjustments: [], remarkCodes: [] },
      ],
    }));
    const text = build835(
      {
        sender: { id: 'BENCHPAYER' },
        receiver: { id: 'BENCHPRACTICE' },
        payment: { amountCents: CLAIMS * 12000, date: '2026-04-01' },
        traceNumber: `BENCH${tag}`,
        payer: { name: `Bench Payer ${tag}`, id: '99999' },
        payee: { name: 'BENCH PRACTICE', npi: '1234567893' },
        claims,
      },
      { controlNumbers: { interchange: 1, group: 1, transactions: [1] }, usageIndicator: 'T', date: '2026-04-01', time: '1200' },
    );
    const started = performance.now();
    const r = await fetch(`${s.url}/api/remittances`, {
      method: 'POST',
      headers: { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/edi-x12' },
      body: text,
    });
    const body = await r.text();
    const ms = performance.now() - started;
    if (r.status !== 201) throw new Error(`remittance-835: ${r.status} ${body.slice(0, 500)}`);
    const answer = JSON.parse(body) as { claimsPosted: number };
    if (answer.claimsPosted !== CLAIMS) throw new Error(`remittance-835 posted ${answer.claimsPosted} claims, not ${CLAIMS}`);
    const result: LoadResult = {
      scenario: 'remittance-835',
      requestsPerSec: 1000 / ms,
      latencyP50Ms: ms,
      latencyP99Ms: ms,
      errors: 0,
      non2xx: 0,
      requests: 1,
      connections: 1,
      durationSeconds: ms / 1000,
      claims: CLAIMS,
      bytes: text.length,
      elapsedMs: Math.round(ms),
      claimsPerSec: Math.round((CLAIMS * 1000) / ms),
    };
    console.error(
      `remittance-835: ${CLAIMS} claims (${(text.length / 1e6).toFixed(1)} MB) posted in ${(ms / 1000).toFixed(2)} s, ${result.claimsPerSec} claims/s`,
    );
    return result;
  },
};

export const remittanceScenarios: Scenario[] = [remittance835];
