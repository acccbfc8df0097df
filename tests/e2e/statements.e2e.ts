/**
 * A biller runs statements in Chromium: the Statements page takes the threshold, the run is
 * listed, a run's statements show their notice and amount, and one opens as a PDF in the page;
 * the amount equals what the guarantor's patients owe on their accounts. The chart's Account tab
 * shows the last statement. Every screen passes axe; no console errors or CSP violations.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessibleNow, expectQuietConsole, fileSession, openAs, usd } from './helpers/session.ts';

const session = fileSession();

describe('statements', () => {
  it('a biller runs statements, opens one and sees the amount the accounts owe', async () => {
    const { context, page, watch: console } = await openAs(session, 'biller@demo.clinicdesk.dev');
    await page.goto('/billing/statements');
    await page.getByRole('heading', { name: 'Statements', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Statement runs' }).waitFor();
    await expectAccessibleNow(page, 'statements page');

    // A run today: the demo ran statements today already; this one issues only those owing since
    // (the demo's later modules add balances after its run), so wait for the run, not a count.
    const runCount = async () => ((await (await page.request.get('/api/statement-runs')).json()) as { items: unknown[] }).items.length;
    const before = await runCount();
    await page.getByLabel('Minimum patient balance').fill('0.01');
    await page.getByRole('button', { name: 'Run statements' }).click();
    await expect.poll(runCount, { timeout: 30_000 }).toBe(before + 1);
    const runs = (await (await page.request.get('/api/statement-runs')).json()) as {
      items: { id: string; statementCount: number; asOf: string }[];
    };
    expect(runs.items.length).toBe(before + 1);

    // Today's demo run: open it, then one statement.
    const withStatements = runs.items.find((r) => r.statementCount > 0);
    expect(withStatements).toBeDefined();
    await page
      .getByRole('button', { name: `Open the run of ${withStatements?.asOf} (${withStatements?.statementCount} statements)`, exact: true })
      .first()
      .click();
    const table = page.getByRole('table', { name: `Statements of ${withStatements?.asOf}` });
    await table.waitFor();
    const detail = (await (await page.request.get(`/api/statement-runs/${withStatements?.id}`)).json()) as {
      statements: { items: { id: string; guarantorName: string; amountDueCents: number; patientIds: string[] }[] };
    };
    const first = detail.statements.items[0];
    expect(first).toBeDefined();
    let owed = 0;
    for (const id of first?.patientIds ?? []) {
      const account = (await (await page.request.get(`/api/patients/${id}/account`)).json()) as { patientBalanceCents: number };
      owed += account.patientBalanceCents;
    }
    expect(first?.amountDueCents).toBe(owed);
    await table.getByText(usd(owed)).first().waitFor();
    await page.getByRole('button', { name: `Show the statement of ${first?.guarantorName}` }).click();
    const dialog = page.getByRole('dialog', { name: `Statement: ${first?.guarantorName}, ${usd(owed)}` });
    await dialog.waitFor();
    await dialog.locator(`iframe[title="Statement of ${first?.guarantorName}"]`).waitFor();
    await expectAccessibleNow(page, 'statement preview');
    await dialog.getByRole('button', { name: 'Close' }).click();

    // The chart's Account tab shows the last statement.
    await page.goto(`/patients?id=${first?.patientIds[0]}`);
    await page.getByTestId('chart-header').waitFor();
    await page.getByRole('tab', { name: 'Account' }).click();
    await page
      .getByTestId('last-statement')
      .getByText(`${usd(owed)} due`)
      .waitFor();
    expectQuietConsole(console);
    await context.close();
  });
});
