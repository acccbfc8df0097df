import { defineModule } from '../module-manifest.ts';
import { appointmentBooking, availabilityConstraints } from '../scheduling/index.ts';
import { react } from '../shared/events.ts';
import { lapsedLicenceDays } from './availability-blocks.ts';
import { refuseUncredentialedProvider } from './booking-guard.ts';
import {
  CREDENTIAL_ALERT_QUEUE,
  CREDENTIAL_SWEEP_QUEUE,
  CredentialAlertSweeper,
  handleCredentialAlertJob,
  handleCredentialSweepJob,
} from './credential-alerts.ts';
import { credentialsAuditEvents } from './credentials.audit.ts';
import { seedCredentialsDemo } from './seed-credentials-demo.ts';

/** Credentials of providers and staff (licences, DEA, board, BLS/ACLS, malpractice): expiry alerts and the booking guard. */
export const credentialsModule = defineModule({
  name: 'credentials',
  tables: ['credentials', 'credential_alerts'],
  jobs: { [CREDENTIAL_SWEEP_QUEUE]: handleCredentialSweepJob, [CREDENTIAL_ALERT_QUEUE]: handleCredentialAlertJob },
  periodic: ({ db, clock, log }) => [
    new CredentialAlertSweeper({
      db,
      clock,
      onError: (err) => log.warn({ err }, 'credential alert sweep could not be queued; will retry'),
    }),
  ],
  reactions: [
    react(availabilityConstraints, 'credentials.lapsed-licence-days', lapsedLicenceDays),
    react(appointmentBooking, 'credentials.refuse-uncredentialed-provider', refuseUncredentialedProvider),
  ],
  demo: seedCredentialsDemo,
  audit: credentialsAuditEvents,
});
