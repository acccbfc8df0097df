/** Collections: the worklist, contact log and promises to pay, payment plans, the agency, small-balance write-offs. */
export { type BalanceWrittenOffPayload, balanceWrittenOff } from './balance-written-off.ts';
export { cancelPlan } from './cancel-plan.ts';
export * from './collections.schemas.ts';
export type { CollectionsTables } from './collections.tables.ts';
export { CONTACT_TYPES, PLAN_FREQUENCIES, PLAN_STATUSES } from './collections.tables.ts';
export { createPlan } from './create-plan.ts';
export { exportAgencyAccounts } from './export-agency.ts';
export { getWorklist } from './get-worklist.ts';
export { listContacts } from './list-contacts.ts';
export { listPlans } from './list-plans.ts';
export { logContact } from './log-contact.ts';
export { INSTALLMENT_GRACE_DAYS, MissedInstallmentSweeper, markMissedInstallments } from './mark-missed-installments.ts';
export { returnFromAgency } from './return-from-agency.ts';
export { sendToAgency } from './send-to-agency.ts';
export { writeOffSmallBalances } from './write-off-small-balances.ts';
