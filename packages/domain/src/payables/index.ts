/** Payables: vendors, their bills (with the invoice file), bill payments, aging and what is due soon. */
export { attachInvoice } from './attach-invoice.ts';
export { createVendor } from './create-vendor.ts';
export { enterBill } from './enter-bill.ts';
export { getBill } from './get-bill.ts';
export { getVendor } from './get-vendor.ts';
export { listBills } from './list-bills.ts';
export { listVendors } from './list-vendors.ts';
export { payBill } from './pay-bill.ts';
export { payablesAging, payablesAgingCsv, payablesBucket } from './payables-aging.ts';
export {
  type BillEnteredPayload,
  type BillPaidPayload,
  type BillRevisedPayload,
  type BillVoidedPayload,
  billEntered,
  billPaid,
  billRevised,
  billVoided,
} from './payables-events.ts';
export * from './payables.schemas.ts';
export {
  BILL_PAYMENT_METHODS,
  BILL_STATUSES,
  type BillPaymentMethod,
  type BillStatus,
  EXPENSE_CATEGORIES,
  type ExpenseCategory,
  type PayablesTables,
} from './payables.tables.ts';
export { readInvoice } from './read-invoice.ts';
export { updateBill } from './update-bill.ts';
export { updateVendor } from './update-vendor.ts';
export { voidBill } from './void-bill.ts';
