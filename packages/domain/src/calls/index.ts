/** The call log: phone calls taken and made, matched to patients by phone, with outcomes and follow-ups (tasks). */

export * from './calls.schemas.ts';
export type { CallsTables } from './calls.tables.ts';
export { CALL_DIRECTIONS, CALL_OUTCOMES, CALL_REASONS, FOLLOW_UP_STATES } from './calls.tables.ts';
export { logCall } from './log-call.ts';
export { findCaller } from './find-caller.ts';
export { updateCall } from './update-call.ts';
export { getCall } from './get-call.ts';
export { listCalls } from './list-calls.ts';
export { waitingCalls } from './waiting-calls.ts';
