import { defineModule } from '../module-manifest.ts';
import { seedStaffDemo } from './seed-staff-demo.ts';
import { staffAuditEvents } from './staff.audit.ts';

/** The staff directory beyond accounts (identity owns the accounts): profiles, supervisors, HR fields. */
export const staffModule = defineModule({
  name: 'staff',
  tables: ['staff_profiles'],
  demo: seedStaffDemo,
  audit: staffAuditEvents,
});
