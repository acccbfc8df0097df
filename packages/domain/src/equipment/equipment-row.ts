import { requireAt } from '../access/index.ts';
import { sql } from 'kysely';
import type { Ctx } from '../shared/context.ts';
import { notFound } from '../shared/errors.ts';
import type { Equipment, Fault } from './equipment.schemas.ts';
import type { FaultSeverity, FaultStatus } from './equipment.tables.ts';

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : null);

export function selectEquipment(tx: Ctx) {
  return tx.db
    .selectFrom('equipment as e')
    .innerJoin('location_directory as l', 'l.id', 'e.location_id')
    .leftJoin('room_directory as r', 'r.id', 'e.room_id')
    .select([
      'e.id',
      'e.name',
      'e.location_id',
      'l.name as location_name',
      'e.room_id',
      'r.name as room_name',
      'e.serial_number',
      'e.vendor',
      'e.vendor_phone',
      'e.last_serviced_on',
      'e.service_due_on',
      'e.active',
      'e.version',
      sql<number>`(select count(*)::int from equipment_faults f where f.equipment_id = e.id and f.status <> 'resolved')`.as('open_faults'),
      sql<boolean>`exists (select 1 from equipment_faults f where f.equipment_id = e.id and f.status <> 'resolved' and f.out_of_service)`.as(
        'out_of_service',
      ),
    ])
    .where('e.organization_id', '=', tx.organizationId);
}

type EquipmentRow = {
  id: string;
  name: string;
  location_id: string;
  location_name: string;
  room_id: string | null;
  room_name: string | null;
  serial_number: string | null;
  vendor: string;
  vendor_phone: string | null;
  last_serviced_on: string | null;
  service_due_on: string | null;
  active: boolean;
  version: number;
  open_faults: number;
  out_of_service: boolean;
};

export function toEquipment(r: EquipmentRow): Equipment {
  return {
    id: r.id,
    name: r.name,
    locationId: r.location_id,
    locationName: r.location_name,
    roomId: r.room_id,
    roomName: r.room_name,
    serialNumber: r.serial_number,
    vendor: r.vendor,
    vendorPhone: r.vendor_phone,
    lastServicedOn: r.last_serviced_on,
    serviceDueOn: r.service_due_on,
    active: r.active,
    openFaults: Number(r.open_faults),
    outOfService: r.out_of_service,
    version: r.version,
  };
}

/** One piece of equipment the caller may see at its location (else 404). */
export async function loadEquipment(
  tx: Ctx,
  id: string,
  permission: 'equipment:read' | 'equipment:report' | 'equipment:manage',
): Promise<Equipment> {
  const row = await selectEquipment(tx).where('e.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('equipment');
  requireAt(tx, permission, row.location_id, 'equipment');
  return toEquipment(row as EquipmentRow);
}

export function selectFaults(tx: Ctx) {
  return tx.db
    .selectFrom('equipment_faults as f')
    .innerJoin('equipment as e', 'e.id', 'f.equipment_id')
    .leftJoin('room_directory as r', 'r.id', 'f.room_id')
    .leftJoin('staff_directory as u', 'u.id', 'f.reported_by')
    .select([
      'f.id',
      'f.equipment_id',
      'e.name as equipment_name',
      'e.serial_number',
      'e.vendor',
      'e.vendor_phone',
      'f.location_id',
      'f.room_id',
      'r.name as room_name',
      'f.description',
      'f.severity',
      'f.out_of_service',
      'f.status',
      'f.vendor_visit_on',
      'f.resolution',
      'f.reported_by',
      'u.display_name as reported_by_name',
      'f.resolved_by',
      'f.resolved_at',
      'f.created_at',
      'f.version',
    ])
    .where('f.organization_id', '=', tx.organizationId);
}

type FaultRow = {
  id: string;
  equipment_id: string;
  equipment_name: string;
  serial_number: string | null;
  vendor: string;
  vendor_phone: string | null;
  location_id: string;
  room_id: string | null;
  room_name: string | null;
  description: string;
  severity: FaultSeverity;
  out_of_service: boolean;
  status: FaultStatus;
  vendor_visit_on: string | null;
  resolution: string | null;
  reported_by: string | null;
  reported_by_name: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
  created_at: Date;
  version: number;
};

export function toFault(r: FaultRow): Fault {
  return {
    id: r.id,
    equipmentId: r.equipment_id,
    equipmentName: r.equipment_name,
    serialNumber: r.serial_number,
    vendor: r.vendor,
    vendorPhone: r.vendor_phone,
    locationId: r.location_id,
    roomId: r.room_id,
    roomName: r.room_name,
    description: r.description,
    severity: r.severity,
    outOfService: r.out_of_service,
    status: r.status,
    vendorVisitOn: r.vendor_visit_on,
    resolution: r.resolution,
    reportedBy: r.reported_by,
    reportedByName: r.reported_by_name,
    resolvedBy: r.resolved_by,
    resolvedAt: iso(r.resolved_at),
    createdAt: new Date(r.created_at).toISOString(),
    version: r.version,
  };
}

export async function loadFault(
  tx: Ctx,
  id: string,
  permission: 'equipment:read' | 'equipment:report' | 'equipment:manage',
): Promise<Fault> {
  const row = await selectFaults(tx).where('f.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('fault');
  requireAt(tx, permission, row.location_id, 'fault');
  return toFault(row as FaultRow);
}
