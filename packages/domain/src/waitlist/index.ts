/** The waiting list: entries, offers of freed slots that hold the slot, staff fills, the fill-rate report. */

export * from './waitlist.schemas.ts';
export type { WaitlistTables } from './waitlist.tables.ts';
export { createWaitlistEntry } from './create-waitlist-entry.ts';
export { listWaitlistEntries, type WaitlistFilter } from './list-waitlist-entries.ts';
export { updateWaitlistEntry } from './update-waitlist-entry.ts';
export { removeWaitlistEntry } from './remove-waitlist-entry.ts';
export { bookFromWaitlist } from './book-from-waitlist.ts';
export { getWaitlistReport } from './get-waitlist-report.ts';
export { getWaitlistSettings, updateWaitlistSettings, DEFAULT_OFFER_MINUTES } from './waitlist-settings.ts';
export { offerFreedSlot } from './offer-freed-slot.ts';
export { acceptOffer, waitlistAcceptLinkAction } from './accept-offer.ts';
export { queueFreedSlotOffer } from './cancel-hook.ts';
export { WAITLIST_JOB_HANDLERS } from './waitlist-jobs.ts';
export { EXPIRE_OFFER_QUEUE, SEND_OFFER_QUEUE, SLOT_FREED_QUEUE } from './waitlist-queues.ts';
