import { defineModule } from '../module-manifest.ts';
import { seedStatementsDemo } from './seed-statements-demo.ts';
import { handleSendStatementNoticeJob } from './send-statement-notice.ts';
import { statementsAuditEvents } from './statements.audit.ts';
import { SEND_STATEMENT_NOTICE_QUEUE } from './statements-queues.ts';

/**
 * Patient statements: statement runs for guarantors whose patient balance reaches a threshold,
 * one PDF per guarantor and a combined PDF, dunning levels, email where consented. Listed after
 * the ledger, whose balances it reads. Statements are append-only (no merge policy: a merged
 * patient's statements stay as sent).
 */
export const statementsModule = defineModule({
  name: 'statements',
  tables: ['statement_runs', 'statements', 'statement_run_patients'],
  jobs: { [SEND_STATEMENT_NOTICE_QUEUE]: handleSendStatementNoticeJob },
  demo: seedStatementsDemo,
  audit: statementsAuditEvents,
});
