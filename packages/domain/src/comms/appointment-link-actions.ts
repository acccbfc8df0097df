/** Confirm and cancel links: they go through the scheduling use cases like a person at the desk would. */
import { cancelAppointment, changeAppointmentStatus } from '../scheduling/index.ts';
import { loadAppointmentSummary } from './appointment-summary.ts';
import type { LinkAction } from './link-actions.ts';

const ACTIVE = new Set(['scheduled', 'confirmed']);

export const confirmLinkAction: LinkAction = {
  purpose: 'confirm',
  async describe(tx, id) {
    const a = await loadAppointmentSummary(tx.db, tx.organizationId, id);
    if (!a || !ACTIVE.has(a.status)) return null;
    return { title: 'Confirm your appointment', detail: `${a.practiceName}, ${a.locationName}: ${a.when}.`, button: 'Confirm appointment' };
  },
  async perform(tx, id) {
    const before = await loadAppointmentSummary(tx.db, tx.organizationId, id);
    // Confirmed at the desk already: the patient's click still succeeds.
    if (before?.status !== 'confirmed') await changeAppointmentStatus(tx, id, { status: 'confirmed' });
    return { title: 'Appointment confirmed', detail: `Thank you. We look forward to seeing you on ${before?.when ?? 'the day'}.` };
  },
};

export const cancelLinkAction: LinkAction = {
  purpose: 'cancel',
  async describe(tx, id) {
    const a = await loadAppointmentSummary(tx.db, tx.organizationId, id);
    if (!a || !ACTIVE.has(a.status)) return null;
    return { title: 'Cancel your appointment?', detail: `${a.practiceName}, ${a.locationName}: ${a.when}.`, button: 'Cancel appointment' };
  },
  async perform(tx, id) {
    await cancelAppointment(tx, id, { reason: 'patient', note: 'cancelled by the patient from an emailed link' });
    return { title: 'Appointment cancelled', detail: 'Your appointment is cancelled. Call the practice to book another time.' };
  },
};
