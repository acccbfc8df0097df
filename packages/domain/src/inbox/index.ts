/** The staff inbox: internal threads, assignment, read/unread, done; refill requests to the prescriber. */

export * from './inbox.schemas.ts';
export type { InboxTables } from './inbox.tables.ts';
export { THREAD_KINDS } from './inbox.tables.ts';
export { createThread } from './create-thread.ts';
export { getThread } from './get-thread.ts';
export { replyToThread } from './reply-to-thread.ts';
export { updateThread } from './update-thread.ts';
export { taskFromThread } from './task-from-thread.ts';
export { countUnread, listThreads } from './list-threads.ts';
export { listColleagues, listRefillMedications } from './list-colleagues.ts';
export { seedInboxDemo } from './seed-inbox-demo.ts';
