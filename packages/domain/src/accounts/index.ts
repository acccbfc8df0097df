/** Patient accounts: payments, refunds and balances. */
export * from './accounts.schemas.ts';
export type { AccountsTables } from './accounts.tables.ts';
export { PAYMENT_METHODS, type PaymentMethod } from './accounts.tables.ts';
export { getAccount } from './get-account.ts';
export { getPayment } from './get-payment.ts';
export { listPayments } from './list-payments.ts';
export { type PaymentTotal, paymentTotals } from './payment-totals.ts';
export type { AccountsViews } from './accounts.views.ts';
export {
  type PaymentPostedPayload,
  type PaymentVoidedPayload,
  paymentPosted,
  paymentVoided,
  type RefundIssuedPayload,
  refundIssued,
} from './payment-events.ts';
export { postPayment } from './post-payment.ts';
export { takePayment } from './charge-card.ts';
export { refundPayment } from './refund-payment.ts';
export { printReceipt } from './print-receipt.ts';
export { emailReceipt } from './email-receipt.ts';
export { dollars, renderReceiptPdf, type ReceiptSheet } from './receipt-pdf.ts';
export { expectedCopays } from './expected-copays.ts';
export { voidPayment } from './void-payment.ts';
