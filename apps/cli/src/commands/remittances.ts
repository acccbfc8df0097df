/**
 * `clinicdesk remittances import <file>` posts an ERA 835 and `clinicdesk acknowledgements import
 * <file>` imports a 999 or 277CA, through the same use cases as POST /api/remittances and
 * /api/acknowledgements (idempotent: a file imported again posts nothing twice).
 */
import fs from 'node:fs';
import { runInTenantScope } from '@db/index.ts';
import { importAcknowledgement, importRemittance } from '@domain/claims/index.ts';
import { systemClock } from '@domain/shared/clock.ts';
import { type Db, systemCtx } from '@domain/shared/context.ts';
import type { Command } from 'commander';
import { withDatabase } from '../database.ts';

async function organizationOf(db: Db, id: string | undefined): Promise<string> {
  const org = id
    ? await db.selectFrom('organizations').select('id').where('id', '=', id).executeTakeFirst()
    : await db.selectFrom('organizations').select('id').orderBy('created_at').limit(1).executeTakeFirst();
  if (!org) throw new Error(id ? `no organization ${id}` : 'no organization: start ClinicDesk once (or run `clinicdesk seed demo`) first');
  return org.id;
}

const money = (cents: number) => (cents / 100).toFixed(2);

export function registerRemittances(program: Command): void {
  program
    .command('remittances')
    .description('ERA 835 remittances')
    .command('import <file>')
    .description('Post an 835 file: prints claims posted, already posted and unmatched, and the payment against what was posted')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (file: string, opts: { org?: string }) => {
      const text = fs.readFileSync(file, 'utf8');
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:remittances', `remittances-import-${Date.now()}`);
        const r = await runInTenantScope(() => importRemittance(ctx, text), organizationId);
        console.log(
          `remittance ${r.id}: ${r.claimsPosted} claim(s) posted, ${r.claimsAlreadyPosted} already posted, ${r.claimsUnmatched} unmatched; payment ${money(r.paymentCents)}, posted ${money(r.postedCents)}`,
        );
        for (const p of r.payments)
          for (const a of p.providerAdjustments)
            console.log(`  PLB ${a.reasonCode}${a.reference ? ` ${a.reference}` : ''} ${money(a.amountCents)} (trace ${p.traceNumber})`);
        for (const c of r.claims.filter((x) => x.outcome === 'unmatched'))
          console.log(`  unmatched ${c.patientControlNumber}: ${c.reason}`);
      });
    });
  program
    .command('acknowledgements')
    .description('999 and 277CA acknowledgements')
    .command('import <file>')
    .description('Import a 999 or 277CA file: prints claims accepted, rejected and unmatched')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (file: string, opts: { org?: string }) => {
      const text = fs.readFileSync(file, 'utf8');
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:remittances', `acknowledgements-import-${Date.now()}`);
        const a = await runInTenantScope(() => importAcknowledgement(ctx, text), organizationId);
        console.log(
          `${a.kind} ${a.id}${a.alreadyImported ? ' (already imported: nothing changed)' : ''}: ${a.claimsAccepted} accepted, ${a.claimsRejected} rejected, ${a.claimsUnmatched} unmatched`,
        );
        for (const x of a.results) console.log(`  ${x.outcome} ${x.patientControlNumber ?? x.controlNumber ?? ''}: ${x.reason}`);
      });
    });
}
