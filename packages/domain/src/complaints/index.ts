/** Complaints and concerns about services and care, with the monthly report. */

export * from './complaints.schemas.ts';
export type { ComplaintsTables } from './complaints.tables.ts';
export { COMPLAINT_CATEGORIES, COMPLAINT_SEVERITIES, COMPLAINT_STATUSES } from './complaints.tables.ts';
export { createComplaint } from './create-complaint.ts';
export { updateComplaint } from './update-complaint.ts';
export { getComplaint } from './get-complaint.ts';
export { listComplaints } from './list-complaints.ts';
export { complaintsReport } from './complaints-report.ts';
