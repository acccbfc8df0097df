import { defineModule } from '../module-manifest.ts';
import { eligibilityAuditEvents } from './eligibility.audit.ts';
import { seedEligibilityDemo } from './seed-eligibility-demo.ts';

/**
 * Eligibility: 270 inquiries built for a coverage and the payers' 271 answers matched to them.
 * Its own module rather than part of claims: it is about a coverage before any visit (the
 * front desk checks it at check-in, without claim permissions), owns its own two tables, and
 * needs from claims only the X12 control numbers (`takeControlNumbers`). Listed after claims.
 * Its demo checks two demo coverages (one active, one inactive).
 */
export const eligibilityModule = defineModule({
  name: 'eligibility',
  tables: ['eligibility_requests', 'eligibility_responses'],
  merge: { 'eligibility_requests.patient_id': 'move', 'eligibility_responses.patient_id': 'move' },
  audit: eligibilityAuditEvents,
  demo: seedEligibilityDemo,
});
