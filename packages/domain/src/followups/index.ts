/** Follow-ups (the worklist fed by `encounter.signed`, booking) and recalls (the overdue list, the contact log). */

export * from './followups.schemas.ts';
export type { FollowupsTables } from './followups.tables.ts';
export {
  CONTACT_METHODS,
  CONTACT_OUTCOMES,
  RECALL_STATUSES,
  RECALL_TYPES,
  type RecallStatus,
  type RecallType,
} from './followups.tables.ts';
export { createFollowUp } from './create-follow-up.ts';
export { listFollowUps } from './list-follow-ups.ts';
export { bookFollowUp } from './book-follow-up.ts';
export { closeFollowUp } from './close-follow-up.ts';
export { followUpFromSignedEncounter, type SignedEncounterFacts } from './follow-up-from-signed-encounter.ts';
export { createRecall } from './create-recall.ts';
export { updateRecall } from './update-recall.ts';
export { listRecalls } from './list-recalls.ts';
export { listPatientRecalls } from './list-patient-recalls.ts';
export { listRecallContacts } from './list-recall-contacts.ts';
export { logRecallContact } from './log-recall-contact.ts';
export { seedFollowupsDemo } from './seed-followups-demo.ts';
export { type BookedRecall, recallBooked } from './recall-events.ts';
export { openRecallsMatching, type RecallSelection, recallStatuses, type SelectedRecall } from './campaign-recalls.ts';
