/**
 * The money of one visit from the desk to the statement, in Chromium against a real server with
 * the demo practice:
 * - the front desk collects the $25.00 copay on the flow board from a patient who has arrived
 *   for the demo clinician and owes nothing yet;
 * - the clinician signs the visit's note (through the API: the note screen is encounters.e2e.ts);
 * - a biller approves its charge, claims and sends it (the API: the screens are billing.e2e.ts),
 *   then pastes the payer's 835 on the ERA import page: part paid, part written off, a
 *   deductible left to the patient (PR);
 * - the office manager runs statements on the Statements page: the guarantor's statement asks
 *   for the deductible less the copay, on the page and in its PDF, which is what the patient's
 *   account says they owe.
 * axe finds nothing serious on the screens; no console errors or CSP violations.
 */
import { build835 } from '@x12/index.ts';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pdfText } from '../helpers/pdf-text.ts';
import { DEMO_PASSWORD } from './helpers/sign-in.ts';
import { expectAccessible, expectQuietConsole, getJson, openAs, postJson, usd, fileSession } from './helpers/session.ts';

const session = fileSession();

type FlowItem = { appointmentId: string; patientId: string | null; patientName: string; providerId: string; status: string; busy: boolean };
type Copay = { patientId: string; copayCents: number | null; paidTodayCents: number };
type Account = {
  patientBalanceCents: number;
  asOf: string;
  guarantor: { key: string; name: string; familyPatientBalanceCents: number } | null;
};
type Statement = {
  id: string;
  guarantorKey: string;
  guarantorName: string;
  amountDueCents: number;
  patientIds: string[];
  nextStatementOn: string;
};
type ClaimLine = { procedureCode: string; modifiers: string[]; units: number; chargeCents: number };
type Claim = { id: string; status: string; patientControlNumber: string; totalChargeCents: number; lines: ClaimLine[] };

interface Visit {
  appointmentId: string;
  patientId: string;
  name: string;
  locationId: string;
  copayCents: number;
  guarantor: NonNullable<Account['guarantor']>;
}

const HERE = ['arrived', 'roomed', 'with_provider', 'checked_out'];

/**
 * A visit of the clinician's today, not yet documented, whose patient has a copay to pay and
 * whose family owes nothing and is due a statement (none issued in the last cycle): what the
 * statement asks for is then this visit's money alone.
 */
async function billableVisit(desk: Page, clinician: Page, biller: Page, manager: Page, providerId: string): Promise<Visit> {
  const me = await getJson<{ locations: { id: string }[] }>(desk, '/api/me');
  const seen: string[] = [];
  for (const { id: locationId } of me.locations) {
    const board = await getJson<{ items: FlowItem[] }>(desk, `/api/flow-board?locationId=${locationId}`);
    const hers = board.items.filter(
      (i) => i.providerId === providerId && i.patientId && !i.busy && ['scheduled', 'confirmed', ...HERE].includes(i.status),
    );
    seen.push(...hers.map((i) => `${i.status}`));
    if (hers.length === 0) continue;
    const ids = [...new Set(hers.map((i) => i.patientId as string))];
    const copays = await getJson<{ items: Copay[] }>(desk, `/api/expected-copays?patientIds=${ids.join(',')}&locationId=${locationId}`);
    for (const item of hers) {
      const copay = copays.items.find((c) => c.patientId === item.patientId);
      if (!copay || (copay.copayCents ?? 0) <= 0 || copay.paidTodayCents > 0) continue;
      if (HERE.includes(item.status)) {
        const notes = await getJson<{ items: unknown[] }>(clinician, `/api/encounters?appointmentId=${item.appointmentId}`);
        if (notes.items.length > 0) continue;
      }
      const account = await quietAccount(desk, biller, item.patientId as string);
      if (!account?.guarantor) continue;
      return {
        appointmentId: item.appointmentId,
        patientId: item.patientId as string,
        name: item.patientName,
        locationId,
        copayCents: copay.copayCents ?? 0,
        guarantor: account.guarantor,
      };
    }
  }
  // Late in the demo day every visit of hers is documented: the office manager books a walk-in now.
  return walkIn(desk, biller, manager, providerId, me.locations[0]?.id as string, seen);
}

/** The patient's account when the patient and the family owe nothing and no statement cycle is running; else null. */
async function quietAccount(desk: Page, biller: Page, patientId: string): Promise<Account | null> {
  const accountRes = await desk.request.get(`/api/patients/${patientId}/account`);
  if (accountRes.status() !== 200) return null; // a restricted record
  const account = (await accountRes.json()) as Account;
  if (!account.guarantor || account.patientBalanceCents !== 0 || account.guarantor.familyPatientBalanceCents !== 0) return null;
  const statements = await getJson<{ items: Statement[] }>(biller, `/api/patients/${patientId}/statements?limit=200`);
  if (statements.items.some((st) => st.nextStatementOn > account.asOf)) return null;
  return account;
}

/**
 * A walk-in booked now for the clinician (an overbook outside her hours needs the manager's
 * override) for a patient with an office copay whose family owes nothing.
 */
async function walkIn(desk: Page, biller: Page, manager: Page, providerId: string, locationId: string, seen: string[]): Promise<Visit> {
  const types = await getJson<{ items: { id: string; active: boolean }[] }>(manager, '/api/appointment-types');
  const type = types.items.find((t) => t.active !== false);
  if (!type) throw new Error('the demo has no appointment type');
  const patients = await getJson<{ items: { id: string }[] }>(manager, '/api/patients?limit=100');
  const ids = patients.items.map((p) => p.id);
  const copays = await getJson<{ items: Copay[] }>(desk, `/api/expected-copays?patientIds=${ids.join(',')}&locationId=${locationId}`);
  const start = new Date(Math.ceil(Date.now() / 300_000) * 300_000).toISOString();
  for (const p of patients.items) {
    const copay = copays.items.find((c) => c.patientId === p.id);
    if (!copay || (copay.copayCents ?? 0) <= 0 || copay.paidTodayCents > 0) continue;
    const account = await quietAccount(desk, biller, p.id);
    if (!account?.guarantor) continue;
    const booked = await manager.request.post('/api/appointments', {
      data: { patientId: p.id, providerId, locationId, appointmentTypeId: type.id, start, overbook: true, overridePatientKind: true },
      headers: { 'x-clinicdesk-csrf': '1' },
    });
    if (booked.status() !== 201) continue; // the patient is booked elsewhere at that time, say
    const { id } = (await booked.json()) as { id: string };
    const board = await getJson<{ items: FlowItem[] }>(desk, `/api/flow-board?locationId=${locationId}`);
    const item = board.items.find((i) => i.appointmentId === id);
    if (!item) throw new Error(`the walk-in ${id} booked at ${start} is not on today's board`);
    return {
      appointmentId: id,
      patientId: p.id,
      name: item.patientName,
      locationId,
      copayCents: copay.copayCents ?? 0,
      guarantor: account.guarantor,
    };
  }
  throw new Error(`no visit of the clinician today fits the journey, and no walk-in could be booked (statuses seen: ${seen.join(', ')})`);
}

describe('finance journey', () => {
  it('a copay at check-in, the ERA posts a deductible, and the statement asks for the deductible less the copay', async () => {
    const desk = await openAs(session, 'front.desk@demo.clinicdesk.dev');
    const clinician = await openAs(session, 'clinician@demo.clinicdesk.dev');
    const biller = await openAs(session, 'biller@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    const manager = await openAs(session, 'office.manager@demo.clinicdesk.dev');
    const { user } = await getJson<{ user: { providerId: string } }>(clinician.page, '/api/me');
    const visit = await billableVisit(desk.page, clinician.page, biller.page, manager.page, user.providerId);

    // 1. The desk: the patient checks in (the check-in dialog is flow-rooms/payments-desk's own journey) and pays the copay on the board.
    const flowItem = async () =>
      (await getJson<{ items: FlowItem[] }>(desk.page, `/api/flow-board?locationId=${visit.locationId}`)).items.find(
        (i) => i.appointmentId === visit.appointmentId,
      );
    if (!HERE.includes((await flowItem())?.status ?? '')) {
      await postJson(desk.page, `/api/appointments/${visit.appointmentId}/status`, { status: 'arrived' });
    }
    await desk.page.goto('/');
    await desk.page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), visit.locationId);
    await desk.page.goto('/flow');
    await desk.page.getByTestId('flow-live').getByText('Live').waitFor();
    const row = desk.page.locator(`[data-testid="flow-row"][data-appointment-id="${visit.appointmentId}"]`);
    const collect = row.getByRole('button', { name: `Collect copay ${usd(visit.copayCents)} from ${visit.name}` });
    await collect.click();
    const copayDialog = desk.page.getByRole('dialog', { name: `Copay: ${visit.name}` });
    await copayDialog.waitFor();
    await expect(copayDialog.getByLabel('Amount').inputValue()).resolves.toBe((visit.copayCents / 100).toFixed(2));
    await desk.page.keyboard.type('4242');
    await copayDialog.getByRole('button', { name: 'Post', exact: true }).click();
    await copayDialog.getByTestId('copay-posted').waitFor();
    await expectAccessible(desk.page, 'copay posted');
    await copayDialog.getByRole('button', { name: 'Done' }).click();
    await row.getByTestId('copay-collected').waitFor();
    // The copay is on the account before any charge: a credit.
    await expect
      .poll(async () => (await getJson<Account>(desk.page, `/api/patients/${visit.patientId}/account`)).patientBalanceCents)
      .toBe(-visit.copayCents);

    // 2. The clinician documents and signs the visit: one office visit, one diagnosis.
    const encounter = await postJson<{ id: string; version: number }>(clinician.page, '/api/encounters', {
      patientId: visit.patientId,
      providerId: user.providerId,
      locationId: visit.locationId,
      appointmentId: visit.appointmentId,
    });
    const coded = await clinician.page.request.patch(`/api/encounters/${encounter.id}`, {
      data: {
        note: { assessment: 'Essential hypertension, stable.' },
        diagnoses: [{ code: 'I10' }],
        procedures: [{ code: '99213', diagnosisPointers: [1] }],
      },
      headers: { 'x-clinicdesk-csrf': '1', 'if-match': `"${encounter.version}"` },
    });
    expect(coded.status(), await coded.text()).toBe(200);
    await postJson(clinician.page, `/api/encounters/${encounter.id}/sign`, { password: DEMO_PASSWORD });

    // 3. The biller: approve the visit's charge, claim it, scrub it ready, send it in a batch of its own.
    const b = biller.page;
    await expect
      .poll(async () => (await getJson<{ items: unknown[] }>(b, `/api/charges?encounterId=${encounter.id}`)).items.length)
      .toBeGreaterThan(0);
    const charges = await getJson<{ items: { id: string; status: string; version: number }[] }>(
      b,
      `/api/charges?encounterId=${encounter.id}`,
    );
    for (const c of charges.items.filter((x) => x.status === 'review'))
      await postJson(b, `/api/charges/${c.id}/approve`, undefined, { 'if-match': `"${c.version}"` });
    const created = await postJson<{ id: string }>(b, '/api/claims', { encounterId: encounter.id });
    const scrub = await postJson<{ errors: unknown[] }>(b, `/api/claims/${created.id}/scrub`);
    expect(scrub.errors).toEqual([]);
    await postJson(b, '/api/claim-batches', { claimIds: [created.id] });
    const claim = await getJson<Claim>(b, `/api/claims/${created.id}`);
    expect(claim.status).toBe('submitted');

    // The payer's answer: the first line carries a deductible (PR-1) the patient owes, a
    // contractual write-off (CO-45) and the rest paid; any other line is paid in full.
    const [first, ...others] = claim.lines;
    if (!first) throw new Error('the claim has no line');
    const deductible = Math.min(6000, first.chargeCents);
    expect(deductible).toBeGreaterThan(visit.copayCents);
    const writeOff = Math.floor((first.chargeCents - deductible) / 4);
    const lines = [
      {
        ...first,
        paidCents: first.chargeCents - deductible - writeOff,
        adjustments: [
          { group: 'PR' as const, reasonCode: '1', amountCents: deductible },
          ...(writeOff > 0 ? [{ group: 'CO' as const, reasonCode: '45', amountCents: writeOff }] : []),
        ],
      },
      ...others.map((l) => ({ ...l, paidCents: l.chargeCents, adjustments: [] })),
    ];
    const paid = lines.reduce((s, l) => s + l.paidCents, 0);
    const era = build835(
      {
        sender: { id: 'PAYER' },
        receiver: { id: 'PRACTICE' },
        payment: { amountCents: paid, date: '2026-04-01' },
        traceNumber: `FJ${Date.now()}`,
        payer: { name: 'DEMO PAYER', id: '12345' },
        payee: { name: 'DEMO PRACTICE', npi: '1234567893' },
        claims: [
          {
            patientControlNumber: claim.patientControlNumber,
            statusCode: '1',
            chargeCents: claim.totalChargeCents,
            paidCents: paid,
            patientResponsibilityCents: deductible,
            payerClaimControlNumber: `P${claim.patientControlNumber}`,
            adjustments: [],
            lines: lines.map((l) => ({
              procedureCode: l.procedureCode,
              modifiers: l.modifiers,
              chargeCents: l.chargeCents,
              paidCents: l.paidCents,
              units: l.units,
              adjustments: l.adjustments,
              remarkCodes: [],
            })),
          },
        ],
      },
      { controlNumbers: { interchange: 1, group: 1, transactions: [1] }, usageIndicator: 'T', date: '2026-04-01', time: '1200' },
    );
    await b.goto('/billing/era');
    await b.getByRole('heading', { name: 'ERA import', level: 1 }).waitFor();
    await b.getByLabel('X12 file (835, 999 or 277CA)').fill(era);
    await b.getByRole('button', { name: 'Import', exact: true }).click();
    await b.getByRole('heading', { name: 'Posting summary' }).waitFor();
    await b.getByText('1 claim(s) posted, 0 already posted, 0 unmatched').waitFor();
    await expectAccessible(b, 'ERA posting summary');
    // The patient owes the deductible less the copay they paid at the desk.
    const owed = deductible - visit.copayCents;
    await expect.poll(async () => (await getJson<Account>(b, `/api/patients/${visit.patientId}/account`)).patientBalanceCents).toBe(owed);

    // 4. The office manager runs statements: the guarantor's statement asks for exactly that.
    const m = manager.page;
    await m.goto('/billing/statements');
    await m.getByRole('heading', { name: 'Statements', level: 1 }).waitFor();
    await m.getByRole('table', { name: 'Statement runs' }).waitFor();
    const runCount = async () => (await getJson<{ items: unknown[] }>(m, '/api/statement-runs')).items.length;
    const before = await runCount();
    await m.getByLabel('Minimum patient balance').fill((owed / 100).toFixed(2));
    await m.getByRole('button', { name: 'Run statements' }).click();
    await expect.poll(runCount, { timeout: 30_000 }).toBe(before + 1);
    const runs = await getJson<{ items: { id: string; asOf: string; createdAt: string }[] }>(m, '/api/statement-runs');
    const run = [...runs.items].sort((x, y) => y.createdAt.localeCompare(x.createdAt))[0];
    if (!run) throw new Error('the run is not listed');
    const detail = await getJson<{ statements: { items: Statement[] } }>(m, `/api/statement-runs/${run.id}?limit=200`);
    const statement = detail.statements.items.find((s) => s.guarantorKey === visit.guarantor.key);
    if (!statement) throw new Error(`the run issued no statement to ${visit.guarantor.name}`);
    expect(statement.amountDueCents).toBe(owed);
    expect(statement.patientIds).toContain(visit.patientId);
    const account = await getJson<Account>(m, `/api/patients/${visit.patientId}/account`);
    expect(account.patientBalanceCents).toBe(owed);
    expect(account.guarantor?.familyPatientBalanceCents).toBe(owed);

    // The page shows the new run's statements (the run form opens it): the guarantor's row and amount.
    const table = m.getByRole('table', { name: `Statements of ${run.asOf}` });
    await table.waitFor();
    const statementRow = table
      .getByRole('row')
      .filter({ has: m.getByRole('button', { name: `Show the statement of ${statement.guarantorName}` }) });
    await statementRow.getByRole('cell', { name: usd(owed), exact: true }).waitFor();
    await expectAccessible(m, 'statements of the new run');
    await statementRow.getByRole('button', { name: `Show the statement of ${statement.guarantorName}` }).click();
    const preview = m.getByRole('dialog', { name: `Statement: ${statement.guarantorName}, ${usd(owed)}` });
    await preview.waitFor();
    await preview.locator(`iframe[title="Statement of ${statement.guarantorName}"]`).waitFor();
    await expectAccessible(m, 'statement preview');
    await preview.getByRole('button', { name: 'Close' }).click();

    // Its PDF asks for the same amount.
    const pdf = await m.request.get(`/api/statements/${statement.id}/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await pdfText(await pdf.body())).replace(/\s+/g, ' ');
    expect(text).toContain(`Amount due: ${usd(owed)}`);

    for (const w of [desk.watch, clinician.watch, biller.watch, manager.watch]) expectQuietConsole(w);
    for (const o of [desk, clinician, biller, manager]) await o.context.close();
  });
});
