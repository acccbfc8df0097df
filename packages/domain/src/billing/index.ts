/** Billing: fee schedules (standard and payer contracts, dated, CSV) and charges from signed encounters (the review queue). */

export * from './billing.schemas.ts';
export type { BillingTables } from './billing.tables.ts';
export { CHARGE_STATUSES, type ChargeStatus, PRICE_SOURCES } from './billing.tables.ts';
export { listFeeEntries } from './list-fee-entries.ts';
export { createFeeEntry } from './create-fee-entry.ts';
export { updateFeeEntry } from './update-fee-entry.ts';
export { importFeeSchedule } from './import-fee-schedule.ts';
export { exportFeeSchedule } from './export-fee-schedule.ts';
export { FEE_CSV_COLUMNS, formatFeeCsv, parseFeeCsv } from './fee-schedule-csv.ts';
export { priceOn, type UnitPrice } from './price-on.ts';
export { chargeCreated, type ChargeCreatedPayload } from './charge-created.ts';
export { chargeApproved, type ChargeApprovedPayload, chargeVoided, type ChargeVoidedPayload } from './charge-approved.ts';
export { chargesFromSignedEncounter, type SignedEncounterLines } from './charges-from-signed-encounter.ts';
export { listCharges } from './list-charges.ts';
export { updateCharge } from './update-charge.ts';
export { approveCharge } from './approve-charge.ts';
export { voidCharge } from './void-charge.ts';
export { seedBillingDemo } from './seed-billing-demo.ts';
export { chargesForClaim, type ClaimableCharge, encountersWithApprovedCharges } from './charges-for-claim.ts';
export { type ChargeRef, chargesByIds } from './charges-by-ids.ts';
