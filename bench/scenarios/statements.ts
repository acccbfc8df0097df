/**
 * `statements-10k`: a statement run for 10,000 guarantors. Each of 10,000 bench patients (their
 * own guarantor) is given a patient balance by a charge entry written straight to the ledger (one
 * balanced entry per 1,000 patients, as postEntry would store it; posting them through visits
 * would take the bench minutes and is not what is measured), then one `POST /api/statement-runs`
 * runs the real use case: balances read a page at a time, summed per guarantor in SQL, 10,000
 * statements with their snapshots inserted in pages, `statement.issued` per statement and a
 * disclosure audit row per patient, in one transaction. Also times the first part (500
 * statements) of the combined PDF.
 */
import { STANDARD_ACCOUNTS } from '@domain/ledger/index.ts';
import { type BenchServer, type Scenario, sequentialLatency } from '../harness.ts';

const GUARANTORS = 10_000;
const PER_ENTRY = 1_000;

async function owingPatients(s: BenchServer, count: number): Promise<number> {
  const org = s.organizationId;
  const patients = (await s.patients()).slice(0, count);
  await s.db
    .insertInto('ledger_accounts')
    .values(STANDARD_ACCOUNTS.map((a) => ({ organization_id: org, code: a.code, name: a.name, kind: a.kind, system_key: a.key })))
    .onConflict((oc) => oc.doNothing())
    .execute();
  const patientAr = STANDARD_ACCOUNTS.find((a) => a.key === 'patient_ar')?.code as string;
  const revenue = STANDARD_ACCOUNTS.find((a) => a.key === 'revenue')?.code as string;
  const stamp = Date.now();
  for (let start = 0; start < patients.length; start += PER_ENTRY) {
    const part = patients.slice(start, start + PER_ENTRY);
    const daysAgo = (start / PER_ENTRY) * 15; // 0 to 135 days: every aging bucket
    await s.db.transaction().execute(async (trx) => {
      const entry = await trx
        .insertInto('journal_entries')
        .values({
          organization_id: org,
          posting_date: new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10),
          kind: 'charge',
          source_type: 'bench',
          source_id: `statements-${stamp}-${start}`,
          memo: 'Bench charges for the statement run',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const amounts = part.map((_, i) => 2_500 + ((start + i) % 40) * 125);
      await trx
        .insertInto('journal_lines')
        .values([
          ...part.map((patientId, i) => ({
            organization_id: org,
            entry_id: entry.id,
            line_number: i + 1,
            account_code: patientAr,
            debit_cents: amounts[i] as number,
            patient_id: patientId,
            encounter_id: crypto.randomUUID(),
          })),
          {
            organization_id: org,
            entry_id: entry.id,
            line_number: part.length + 1,
            account_code: revenue,
            credit_cents: amounts.reduce((a, b) => a + b, 0),
          },
        ])
        .execute();
    });
  }
  return patients.length;
}

export const statements10k: Scenario = {
  name: 'statements-10k',
  once: true,
  description:
    'POST /api/statement-runs for 10,000 guarantors owing: 10,000 statements issued in one run; then the combined PDF of the first 500',
  async run(s) {
    const guarantors = await owingPatients(s, GUARANTORS);
    const auth = { authorization: `Bearer ${s.adminToken}`, 'content-type': 'application/json' };
    let runId = '';
    let statementCount = 0;
    const result = await sequentialLatency('statements-10k', 1, async () => {
      const r = await fetch(`${s.url}/api/statement-runs`, { method: 'POST', headers: auth, body: JSON.stringify({ minBalanceCents: 1 }) });
      if (r.status !== 201) throw new Error(`the run was refused: ${r.status} ${await r.clone().text()}`);
      const body = (await r.clone().json()) as { id: string; statementCount: number };
      runId = body.id;
      statementCount = body.statementCount;
      return r;
    });
    const t0 = performance.now();
    const pdf = await fetch(`${s.url}/api/statement-runs/${runId}/pdf`, { headers: { authorization: auth.authorization } });
    const bytes = (await pdf.arrayBuffer()).byteLength;
    if (pdf.status !== 200) throw new Error(`the combined PDF was refused: ${pdf.status}`);
    const pdfSeconds = (performance.now() - t0) / 1000;
    return {
      ...result,
      guarantors,
      statements: statementCount,
      runSeconds: result.latencyP50Ms / 1000,
      combinedPdfPart1Seconds: Number(pdfSeconds.toFixed(2)),
      combinedPdfPart1Bytes: bytes,
      combinedPdfParts: Number(pdf.headers.get('x-statement-parts')),
    };
  },
};

export const statementScenarios: Scenario[] = [statements10k];
