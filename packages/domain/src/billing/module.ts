import { encounterSigned } from '../encounters/index.ts';
import { defineModule } from '../module-manifest.ts';
import { react } from '../shared/events.ts';
import { billingAuditEvents } from './billing.audit.ts';
import { chargesFromSignedEncounter } from './charges-from-signed-encounter.ts';
import { seedBillingDemo } from './seed-billing-demo.ts';

/**
 * Fee schedules (the standard one and payers' contracted amounts, dated) and charges: one per
 * procedure line of a signed encounter, priced on its date of service, reviewed by a biller.
 * Listed before encounters in modules.ts so its demo fee schedule exists when the demo
 * encounters are signed.
 */
export const billingModule = defineModule({
  name: 'billing',
  tables: ['fee_schedule_entries', 'charges'],
  reactions: [react(encounterSigned, 'billing.charges-from-signed-encounter', chargesFromSignedEncounter)],
  demo: seedBillingDemo,
  merge: { 'charges.patient_id': 'move' },
  audit: billingAuditEvents,
});
