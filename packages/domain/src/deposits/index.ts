/** Daily close per location, deposit batches, and the rule that a closed day never changes. */
export { closeDay } from './close-day.ts';
export { assertDayOpen, nextOpenDay } from './day-lock.ts';
export { createDeposit } from './create-deposit.ts';
export { type DayClosedPayload, type DepositCreatedPayload, dayClosed, depositCreated } from './deposit-events.ts';
export * from './deposits.schemas.ts';
export type { DepositsTables } from './deposits.tables.ts';
export { listDailyCloses } from './list-daily-closes.ts';
export { listDeposits, listUndepositedPayments } from './list-deposits.ts';
export { previewDailyClose } from './preview-daily-close.ts';
export { paymentDeposited } from './undeposited.ts';
