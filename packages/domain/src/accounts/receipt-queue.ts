/** The queue of the job that emails a payment's receipt (receipt-jobs.ts). */
export const SEND_RECEIPT_QUEUE = 'accounts.send-receipt';
