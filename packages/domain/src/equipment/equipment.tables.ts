import type { ColumnType, Generated } from 'kysely';

type Created = ColumnType<Date, Date | string | undefined, never>;
type Updated = ColumnType<Date, Date | string | undefined, Date | string>;
type Instant = ColumnType<Date, Date | string, Date | string>;

export const FAULT_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type FaultSeverity = (typeof FAULT_SEVERITIES)[number];
export const FAULT_STATUSES = ['open', 'vendor_scheduled', 'resolved'] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];
/** Days before a preventive-maintenance due date at which the managers are told (0: overdue). */
export const SERVICE_ALERT_THRESHOLDS = [90, 30, 7, 0] as const;

export interface EquipmentTable {
  id: Generated<string>;
  organization_id: string;
  location_id: string;
  room_id: string | null;
  name: string;
  serial_number: string | null;
  vendor: Generated<string>;
  vendor_phone: string | null;
  last_serviced_on: string | null;
  service_due_on: string | null;
  active: Generated<boolean>;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface EquipmentFaultsTable {
  id: Generated<string>;
  organization_id: string;
  equipment_id: string;
  room_id: string | null;
  location_id: string;
  reported_by: string | null;
  description: string;
  severity: FaultSeverity;
  out_of_service: boolean;
  status: Generated<FaultStatus>;
  vendor_visit_on: string | null;
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: Instant | null;
  version: Generated<number>;
  created_at: Created;
  updated_at: Updated;
}

export interface EquipmentAlertsTable {
  organization_id: string;
  equipment_id: string;
  due_on: string;
  threshold_days: number;
  recipients: Generated<string[]>;
  created_at: Created;
}

export interface EquipmentTables {
  equipment: EquipmentTable;
  equipment_faults: EquipmentFaultsTable;
  equipment_alerts: EquipmentAlertsTable;
}
