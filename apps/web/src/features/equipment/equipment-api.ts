/** Types of the equipment API, from the generated schema, and the words the screens show. */
import type { paths } from '../../api/schema';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type Equipment = Json<paths['/api/equipment']['get']['responses'][200]>['items'][number];
export type Fault = Json<paths['/api/equipment-faults']['get']['responses'][200]>['items'][number];
export type FaultDetail = Json<paths['/api/equipment-faults/{id}']['get']['responses'][200]>;
export type Severity = Fault['severity'];

export const SEVERITY_LABELS: Record<Severity, string> = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };
export const SEVERITY_COLORS: Record<Severity, string> = { low: 'gray', medium: 'yellow', high: 'orange', critical: 'red' };
export const FAULT_STATUS_LABELS: Record<Fault['status'], string> = {
  open: 'Open',
  vendor_scheduled: 'Vendor visit booked',
  resolved: 'Resolved',
};
