/**
 * Hiring in Chromium against a real server with the demo practice. The office manager puts a
 * position on hold, opens a new one for two, opens the demo's applicant at the interview stage, corrects their phone number, makes an offer, hires
 * them, and from the onboarding checklist creates the account: the invitation link appears and
 * the system's steps are ticked, the training set among them. axe finds nothing serious on the
 * tabs or the dialogs, and nothing breaks the CSP.
 */
import { describe, expect, it } from 'vitest';
import { expectAccessible, expectQuietConsole, fileSession, getJson, openAs } from './helpers/session.ts';

const session = fileSession();

interface Onboarding {
  applicantName: string;
  userId: string | null;
  items: { id: string; done: boolean }[];
}

describe('hiring', () => {
  it('office manager moves an applicant to offer, hires them and creates the account from the onboarding checklist', async () => {
    const { page, watch } = await openAs(session, 'office.manager@demo.clinicdesk.dev', {
      width: 1400,
      height: 1000,
      expectedStatuses: [400], // the bad phone number below, on purpose
    });
    await page.goto('/hiring');
    await page.getByTestId('position-row').first().waitFor();
    await page.mouse.move(1390, 990);
    await expectAccessible(page, 'hiring: positions');

    // The biller's search paused: the position goes on hold.
    await page.getByRole('button', { name: 'Edit Medical biller' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit position' });
    await edit.getByRole('combobox', { name: 'Status' }).click();
    await page.getByRole('option', { name: 'On hold' }).click();
    await expectAccessible(page, 'edit position dialog');
    await edit.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved: Medical biller (On hold)').waitFor();
    await page.getByTestId('position-row').filter({ hasText: 'Medical biller' }).getByText('On hold').waitFor();

    // A new position for two, with its hiring manager: its row says 0 of 2 hired.
    await page.getByRole('button', { name: 'New position' }).click();
    const create = page.getByRole('dialog', { name: 'New position' });
    await create.getByRole('textbox', { name: 'Title' }).fill('Medical assistant (evenings)');
    await create.getByRole('textbox', { name: 'Openings' }).fill('2');
    await create.getByRole('combobox', { name: 'Hiring manager' }).click();
    await page.getByRole('option').first().click();
    await expectAccessible(page, 'new position dialog');
    await create.getByRole('button', { name: 'Open position' }).click();
    await page.getByText('Position opened: Medical assistant (evenings)').waitFor();
    const created = page.getByTestId('position-row').filter({ hasText: 'Medical assistant (evenings)' });
    await created.waitFor();
    const positions = await getJson<{ items: { title: string; openings: number; status: string }[] }>(page, '/api/positions');
    expect(positions.items.find((x) => x.title === 'Medical assistant (evenings)')).toMatchObject({ openings: 2, status: 'open' });

    // The pipeline, filtered to the interview stage: the demo's applicant waiting there.
    await page.getByRole('tab', { name: 'Applicants' }).click();
    await page.getByRole('combobox', { name: 'Stage' }).click();
    await page.getByRole('option', { name: 'Interview' }).click();
    const row = page.getByTestId('applicant-row').filter({ hasText: 'Daniel Okafor' });
    await row.waitFor();
    await expectAccessible(page, 'hiring: applicants');
    await row.getByRole('button', { name: 'Open Daniel Okafor' }).click();

    const dialog = page.getByRole('dialog', { name: 'Applicant' });
    await dialog.getByTestId('stage-history').waitFor();
    await expectAccessible(page, 'applicant dialog');

    // The contact details are corrected in place: a bad phone number is named, a good one saved.
    await dialog.getByRole('button', { name: 'Edit details' }).click();
    const details = dialog.getByRole('form', { name: 'Applicant details' });
    await details.getByRole('textbox', { name: 'Phone' }).fill('12');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.getByText('Not a valid phone number').waitFor();
    await expectAccessible(page, 'applicant details form with an error');
    await details.getByRole('textbox', { name: 'Phone' }).fill('(303) 555-0199');
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.waitFor({ state: 'detached' });
    await dialog.getByText('(303) 555-0199').waitFor();

    await dialog.getByRole('textbox', { name: 'Note' }).fill('Offer at $21/hour, starts the 1st');
    await dialog.getByRole('button', { name: 'Make an offer' }).click();
    await dialog.getByTestId('applicant-stage').filter({ hasText: 'Offer' }).waitFor();
    await dialog.getByText('Offer at $21/hour, starts the 1st').waitFor();
    await dialog.getByRole('button', { name: 'Hire' }).click();
    await dialog.getByTestId('applicant-stage').filter({ hasText: 'Hired' }).waitFor();
    await dialog.getByRole('button', { name: 'Open onboarding' }).click();

    // The onboarding tab: the new hire's checklist, nothing done by the system yet.
    const card = page.getByRole('region', { name: 'Daniel Okafor' });
    await card.waitFor();
    const training = card.getByRole('checkbox', { name: 'Onboarding training set assigned' });
    expect(await training.isChecked()).toBe(false);
    await expectAccessible(page, 'hiring: onboarding');
    // A controlled checkbox: ticked once the server has recorded who and when.
    await card.getByRole('checkbox', { name: 'Badge issued' }).click();
    await card
      .getByText(/Demo Office Manager, /)
      .first()
      .waitFor();

    await card.getByRole('button', { name: 'Create account' }).click();
    await card.getByRole('textbox', { name: /^Invitation link/ }).waitFor();
    await card.getByRole('button', { name: 'Create account' }).waitFor({ state: 'detached' });
    for (const step of ['Account created and invitation sent', 'Onboarding training set assigned', 'Staff profile filled'])
      expect(await card.getByRole('checkbox', { name: new RegExp(`^${step}`) }).isChecked()).toBe(true);
    await card.getByText(/\d+ items? assigned, 0 completed/).waitFor();

    const made = (await getJson<{ items: Onboarding[] }>(page, '/api/onboardings?status=all')).items.find(
      (o) => o.applicantName === 'Daniel Okafor',
    );
    expect(made?.userId).toBeTruthy();
    expectQuietConsole(watch);
  });
});
