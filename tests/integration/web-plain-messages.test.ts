/**
 * The web UI's words for people (issue 11, items 6 and 7), pure functions of apps/web: field
 * errors by label, dates as US front desks type them, the State picker's order, and the
 * reminder log's sentences instead of status codes.
 */
import { describe, expect, it } from 'vitest';
import { hasField, labelOf, problemLine, withLabel } from '../../apps/web/src/api/problem.ts';
import { deliveryLine, recipient } from '../../apps/web/src/features/comms/delivery.ts';
import { birthDateProblem, isoOf, normalizeUsDate, parseUsDate, toUsDate } from '../../apps/web/src/features/patients/us-date.ts';
import { filterStates, US_STATE_OPTIONS } from '../../apps/web/src/features/patients/us-states.ts';

const LABELS = { 'address.state': 'State', givenName: 'Given name', 'phones.number': 'Mobile phone', password: 'Password' };

describe('problem messages by label', () => {
  it('puts the label in front of the message, in one sentence', () => {
    expect(withLabel('State', 'Enter a two-letter US state, such as CO.')).toBe('State: enter a two-letter US state, such as CO.');
    expect(withLabel('NPI', 'NPI has 10 digits')).toBe('NPI: NPI has 10 digits.');
    expect(withLabel('Password', 'is too common: it is on a list of breached passwords')).toBe(
      'Password is too common: it is on a list of breached passwords.',
    );
  });

  it('finds the label of a path with list indexes, else shows the path', () => {
    expect(labelOf('phones.0.number', LABELS)).toBe('Mobile phone');
    expect(labelOf('address.state', LABELS)).toBe('State');
    expect(labelOf('mystery', LABELS)).toBe('mystery');
  });

  it('names the fields a form does not show, and points at those it does', () => {
    const problem = {
      status: 400,
      code: 'VALIDATION_FAILED',
      title: 'Invalid request',
      detail: '2 fields need correcting.',
      errors: [
        { path: 'address.state', message: 'Enter a two-letter US state, such as CO.' },
        { path: 'givenName', message: 'Required.' },
      ],
    };
    expect(problemLine(problem, LABELS)).toBe('State: enter a two-letter US state, such as CO. Given name: required.');
    expect(problemLine(problem, LABELS, (p) => p === 'givenName')).toBe('State: enter a two-letter US state, such as CO.');
    expect(problemLine(problem, LABELS, () => true)).toBe('Check the fields marked below: State, Given name.');
    expect(problemLine({ ...problem, errors: [] }, LABELS)).toBe('2 fields need correcting.');
  });

  it('tells which paths a form holds', () => {
    const values = { address: { state: '' }, phones: [{ number: '' }] };
    expect(hasField(values, 'address.state')).toBe(true);
    expect(hasField(values, 'phones.0.number')).toBe(true);
    expect(hasField(values, 'phones.1.number')).toBe(false);
    expect(hasField(values, 'primaryProviderId')).toBe(false);
  });
});

describe('dates as typed in the US', () => {
  it('accepts MM/DD/YYYY and YYYY-MM-DD, shows MM/DD/YYYY and sends ISO', () => {
    expect(parseUsDate('07/14/1985')).toEqual({ iso: '1985-07-14' });
    expect(parseUsDate('7/4/1985')).toEqual({ iso: '1985-07-04' });
    expect(parseUsDate('1985-07-14')).toEqual({ iso: '1985-07-14' });
    expect(normalizeUsDate('1985-07-14')).toBe('07/14/1985');
    expect(isoOf('07/14/1985')).toBe('1985-07-14');
    expect(toUsDate('2024-02-29')).toBe('02/29/2024');
  });

  it('refuses days that do not exist, with a sentence', () => {
    expect(parseUsDate('02/30/1985').error).toBe('February 1985 has no day 30.');
    expect(parseUsDate('1985-02-30').error).toBe('February 1985 has no day 30.');
    expect(parseUsDate('02/29/2023').error).toBe('February 2023 has no day 29.');
    expect(parseUsDate('02/29/2024')).toEqual({ iso: '2024-02-29' });
    expect(parseUsDate('13/01/1985').error).toMatch(/no month 13/);
    expect(parseUsDate('14.07.85').error).toMatch(/MM\/DD\/YYYY/);
    expect(normalizeUsDate('02/30/1985')).toBe('02/30/1985');
  });

  it('checks a birth date against today and 1880', () => {
    expect(birthDateProblem('07/14/1985', { today: '2026-01-01' })).toBeNull();
    expect(birthDateProblem('01/02/2026', { today: '2026-01-01' })).toMatch(/future/);
    expect(birthDateProblem('01/01/1850', { today: '2026-01-01' })).toMatch(/1880/);
    expect(birthDateProblem('')).toMatch(/Enter the date of birth/);
    expect(birthDateProblem('', { required: false })).toBeNull();
  });
});

describe('the State picker', () => {
  const found = (search: string) =>
    (filterStates({ options: US_STATE_OPTIONS, search, limit: 100 }) as { value: string }[]).map((o) => o.value);

  it('puts the typed code first, then names beginning with it', () => {
    expect(found('co')[0]).toBe('CO');
    expect(found('CO')[0]).toBe('CO');
    expect(found('ny')[0]).toBe('NY');
    expect(found('colo')).toEqual(['CO']);
    expect(found('new').slice(0, 4)).toEqual(['NH', 'NJ', 'NM', 'NY']);
    expect(found('jersey')).toEqual(['NJ']);
    expect(found('zz')).toEqual([]);
  });
});

describe('the reminder log in sentences', () => {
  const base = { kind: 'reminder' as const, channel: 'email' as const, error: null, skipReason: null };
  it('says why a message was not sent, never the code', () => {
    expect(deliveryLine({ ...base, status: 'skipped', skipReason: 'no_consent' })).toBe(
      'Not sent: the patient has not agreed to reminders by email.',
    );
    expect(deliveryLine({ ...base, status: 'skipped', channel: 'sms', skipReason: 'no_consent' })).toBe(
      'Not sent: the patient has not agreed to reminders by text message.',
    );
    expect(deliveryLine({ ...base, status: 'skipped', skipReason: 'no_address' })).toBe(
      "Not sent: the patient's record has no email address.",
    );
    expect(deliveryLine({ ...base, status: 'skipped', skipReason: 'appointment_inactive' })).toMatch(/cancelled or moved/);
    expect(deliveryLine({ ...base, status: 'sent' })).toBe('Sent by email.');
    expect(deliveryLine({ ...base, status: 'failed', error: 'no SMTP server is configured' })).toMatch(/mail server/);
    for (const status of ['queued', 'sent', 'failed', 'bounced', 'skipped'] as const) {
      expect(deliveryLine({ ...base, status, skipReason: 'no_consent' })).not.toMatch(/_|SKIPPED|skipped/);
    }
  });

  it('shows a text message recipient as a US phone number', () => {
    expect(recipient({ to: '+13035550142', channel: 'sms' })).toBe('(303) 555-0142');
    expect(recipient({ to: 'ada@example.org', channel: 'email' })).toBe('ada@example.org');
    expect(recipient({ to: null, channel: 'email' })).toBe('—');
  });
});
