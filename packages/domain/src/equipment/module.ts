import { defineModule } from '../module-manifest.ts';
import { appointmentBooking, availabilityConstraints } from '../scheduling/index.ts';
import { react } from '../shared/events.ts';
import { outOfServiceRoomBlocks } from './availability-blocks.ts';
import { keepOutOfServiceRooms } from './booking-guard.ts';
import { equipmentAuditEvents } from './equipment.audit.ts';
import { seedEquipmentDemo } from './seed-equipment-demo.ts';
import {
  handleServiceAlertJob,
  handleServiceSweepJob,
  SERVICE_ALERT_QUEUE,
  SERVICE_SWEEP_QUEUE,
  ServiceAlertSweeper,
} from './service-alerts.ts';

/** The equipment inventory, fault tickets (out of service blocks the room for booking) and preventive-maintenance alerts. */
export const equipmentModule = defineModule({
  name: 'equipment',
  tables: ['equipment', 'equipment_faults', 'equipment_alerts'],
  jobs: { [SERVICE_SWEEP_QUEUE]: handleServiceSweepJob, [SERVICE_ALERT_QUEUE]: handleServiceAlertJob },
  periodic: ({ db, clock, log }) => [
    new ServiceAlertSweeper({ db, clock, onError: (err) => log.warn({ err }, 'service alert sweep could not be queued; will retry') }),
  ],
  reactions: [
    react(availabilityConstraints, 'equipment.out-of-service-rooms', outOfServiceRoomBlocks),
    react(appointmentBooking, 'equipment.keep-out-of-service-rooms', keepOutOfServiceRooms),
  ],
  demo: seedEquipmentDemo,
  audit: equipmentAuditEvents,
});
