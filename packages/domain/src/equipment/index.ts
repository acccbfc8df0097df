/** Equipment: the inventory, fault tickets (out of service blocks the room for booking), preventive-maintenance alerts. */
export * from './equipment.schemas.ts';
export type { EquipmentTables } from './equipment.tables.ts';
export { FAULT_SEVERITIES, FAULT_STATUSES } from './equipment.tables.ts';
export { createEquipment } from './create-equipment.ts';
export { updateEquipment } from './update-equipment.ts';
export { getEquipment, listEquipment } from './list-equipment.ts';
export { reportFault } from './report-fault.ts';
export { resolveFault, updateFault } from './update-fault.ts';
export { getFault, listFaults } from './list-faults.ts';
export { equipmentOutOfService } from './out-of-service.ts';
export { SERVICE_ALERT_QUEUE, SERVICE_SWEEP_QUEUE, ServiceAlertSweeper, sweepServiceAlerts } from './service-alerts.ts';
export { seedEquipmentDemo } from './seed-equipment-demo.ts';
