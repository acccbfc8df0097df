import { defineModule } from '../module-manifest.ts';
import { hiringAuditEvents } from './hiring.audit.ts';
import { seedHiringDemo } from './seed-hiring-demo.ts';

/** Hiring: positions, applicants and their stages, onboarding (the account through identity, training's set, staff's profile, a checklist). */
export const hiringModule = defineModule({
  name: 'hiring',
  tables: ['hiring_positions', 'hiring_applicants', 'hiring_stage_moves', 'hiring_onboardings', 'hiring_onboarding_items'],
  demo: seedHiringDemo,
  audit: hiringAuditEvents,
});
