/** Types of the complaints API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Complaint = Json<paths['/api/complaints']['get']['responses'][200]>['items'][number];
export type ComplaintReport = Json<paths['/api/complaints/report']['get']['responses'][200]>;

export const CATEGORY_LABELS: Record<Complaint['category'], string> = {
  clinical_care: 'Clinical care',
  staff_conduct: 'Staff conduct',
  wait_time: 'Wait time',
  billing: 'Billing',
  communication: 'Communication',
  privacy: 'Privacy',
  facility: 'Facility',
  other: 'Other',
};
export const SEVERITY_LABELS: Record<Complaint['severity'], string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const SEVERITY_COLORS: Record<Complaint['severity'], string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
export const STATUS_LABELS: Record<Complaint['status'], string> = {
  open: 'Open',
  investigating: 'Investigating',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, label]) => ({ value, label }));
