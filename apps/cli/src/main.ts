/** The `clinicdesk` command. Each subcommand lives in commands/ and calls the same use cases as the API. */
import { Command } from 'commander';
import { registerAdjustmentReasons } from './commands/adjustment-reasons.ts';
import { registerAudit } from './commands/audit.ts';
import { registerBackup } from './commands/backup.ts';
import { registerClaims } from './commands/claims.ts';
import { registerRemittances } from './commands/remittances.ts';
import { registerStatements } from './commands/statements.ts';
import { registerLetters } from './commands/letters.ts';
import { registerDocs } from './commands/docs.ts';
import { registerFeeSchedules } from './commands/fee-schedules.ts';
import { registerImport } from './commands/import.ts';
import { registerMigrate } from './commands/migrate.ts';
import { registerOpenapi } from './commands/openapi.ts';
import { registerCalls } from './commands/calls.ts';
import { registerRota } from './commands/rota.ts';
import { registerHiring } from './commands/hiring.ts';
import { registerCampaigns } from './commands/campaigns.ts';
import { registerSms } from './commands/sms.ts';
import { registerPayables } from './commands/payables.ts';
import { registerProcedures } from './commands/procedures.ts';
import { registerRestore } from './commands/restore.ts';
import { registerSeed } from './commands/seed.ts';
import { registerServe } from './commands/serve.ts';
import { registerUser } from './commands/user.ts';

const program = new Command();
program.name('clinicdesk').description('ClinicDesk: the office of a medical practice').version('0.1.0');
for (const register of [
  registerServe,
  registerMigrate,
  registerSeed,
  registerUser,
  registerOpenapi,
  registerDocs,
  registerBackup,
  registerRestore,
  registerAudit,
  registerImport,
  registerProcedures,
  registerFeeSchedules,
  registerAdjustmentReasons,
  registerClaims,
  registerRemittances,
  registerPayables,
  registerCalls,
  registerRota,
  registerHiring,
  registerCampaigns,
  registerSms,
  registerStatements,
  registerLetters,
])
  register(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  const e = err as { message?: string; errors?: { path: string; message: string }[] };
  console.error(`clinicdesk: ${e.message ?? String(err)}`);
  for (const fe of e.errors ?? []) console.error(`  ${fe.path}: ${fe.message}`);
  process.exit(1);
});
