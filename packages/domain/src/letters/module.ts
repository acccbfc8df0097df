import { defineModule } from '../module-manifest.ts';
import { lettersAuditEvents } from './letters.audit.ts';
import { seedLettersDemo } from './seed-letters-demo.ts';

/**
 * Letters: templates with checked merge fields, letters merged from them for one patient or a
 * batch (recalls, balances, a closure notice), printed on the location's letterhead, and the mail
 * log of what was sent to whom. Merge data comes from the patients, organizations, scheduling,
 * ledger and follow-ups modules' public functions, so it is listed after them.
 */
export const lettersModule = defineModule({
  name: 'letters',
  tables: ['letter_templates', 'letter_batches', 'letters'],
  demo: seedLettersDemo,
  // No merge policy: letters are append-only (a letter stays addressed to the record it was written
  // for; a merged record points at the survivor).
  audit: lettersAuditEvents,
});
