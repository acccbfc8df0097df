/**
 * How a visit's status shows on the calendar, in text as well as style (never colour alone):
 * a mark before the name, a class the schedule's CSS draws (striped and dim for cancelled,
 * struck through for no-show, a tick for checked out), and the legend's words.
 */
import type { Appointment } from './schedule-api.ts';

type Status = Appointment['status'];

export const STATUS_MARKS: Partial<Record<Status, string>> = {
  confirmed: '●',
  arrived: '➜',
  roomed: '➜',
  with_provider: '➜',
  checked_out: '✓',
  no_show: '✗',
  cancelled: '⊘',
};

/** What each status looks like, for the legend and the appointment window. */
export const STATUS_LABELS: Partial<Record<Status, string>> = {
  scheduled: 'Scheduled: plain block in the type’s colour.',
  confirmed: '● Confirmed: the patient confirmed.',
  arrived: '➜ In the office (arrived, roomed or with the provider).',
  roomed: '➜ In the office (arrived, roomed or with the provider).',
  with_provider: '➜ In the office (arrived, roomed or with the provider).',
  checked_out: '✓ Checked out: faded, with a tick.',
  no_show: '✗ No-show: struck through.',
  cancelled: '⊘ Cancelled: striped and dimmed; the time is open.',
};

/** The words shown in the event itself, before the patient's name. */
export const STATUS_WORDS: Partial<Record<Status, string>> = {
  checked_out: 'Checked out',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export const LEGEND: { className: string; mark: string; text: string }[] = [
  { className: 'status-scheduled', mark: '', text: 'Scheduled' },
  { className: 'status-confirmed', mark: '●', text: 'Confirmed' },
  { className: 'status-arrived', mark: '➜', text: 'In the office' },
  { className: 'status-checked_out', mark: '✓', text: 'Checked out' },
  { className: 'status-no_show', mark: '✗', text: 'No-show' },
  { className: 'status-cancelled', mark: '⊘', text: 'Cancelled' },
];
