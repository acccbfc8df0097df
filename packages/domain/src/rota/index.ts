/** Rota: shift templates, shifts and swaps, coverage rules and their gaps, time off, on call, handover notes. */

export * from './rota.schemas.ts';
export type { RotaTables } from './rota.tables.ts';
export { COVERAGE_KINDS, DUTIES, ON_CALL_TIERS, SWAP_STATUSES, TIME_OFF_STATUSES } from './rota.tables.ts';
export { createShiftTemplate, listShiftTemplates, retireShiftTemplate } from './shift-templates.ts';
export { createShift } from './create-shift.ts';
export { deleteShift, listShifts } from './list-shifts.ts';
export { requestSwap } from './request-swap.ts';
export { decideSwap, withdrawSwap } from './decide-swap.ts';
export { listSwaps } from './list-swaps.ts';
export { createCoverageRule, deleteCoverageRule, listCoverageRules } from './coverage-rules.ts';
export { coverageGaps } from './coverage-gaps.ts';
export { requestTimeOff } from './request-time-off.ts';
export { cancelTimeOff, decideTimeOff } from './decide-time-off.ts';
export { getTimeOff, listTimeOff, pendingTimeOffCount, pendingTimeOffTotal } from './list-time-off.ts';
export { createOnCallShift } from './create-on-call-shift.ts';
export { deleteOnCallShift, listOnCall, onCallNow } from './list-on-call.ts';
export { createOnCallFeedToken, getOnCallFeed, revokeOnCallFeedToken } from './on-call-feed.ts';
export { acknowledgeHandover, createHandover, getHandover, listHandovers } from './handovers.ts';
