/**
 * `clinicdesk claims batches` and `clinicdesk claims export-837 <batchId> [--out <file>]`: the
 * practice's 837P batches, and one batch's X12 text as stored (to re-send it by hand when the
 * outbox copy is missing), through the same use cases as the API (the export is audited).
 */
import fs from 'node:fs';
import { runInTenantScope } from '@db/index.ts';
import { claimBatchX12, listClaimBatches } from '@domain/claims/index.ts';
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

export function registerClaims(program: Command): void {
  const cmd = program.command('claims').description('Insurance claims: 837P batches');
  cmd
    .command('batches')
    .description('List the latest 837P batches (interchange number, claims, total, outbox file)')
    .option('--org <id>', 'organization id (default: the first one)')
    .action(async (opts: { org?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:claims', `claims-batches-${Date.now()}`);
        const { items } = await runInTenantScope(() => listClaimBatches(ctx, { limit: 50 }), organizationId);
        for (const b of items)
          console.log(
            `${b.id}  ISA13 ${b.interchangeControlNumber}  ${b.createdAt}  ${b.claimCount} claim(s)  ${(b.totalChargeCents / 100).toFixed(2)}  ${b.outboxPath ?? `not in the outbox: ${b.outboxError ?? 'not written'}`}`,
          );
        if (items.length === 0) console.error('no claim batches yet');
      });
    });
  cmd
    .command('export-837 <batchId>')
    .description("Write a batch's 837P (X12 5010) text (to --out, or standard output)")
    .option('--org <id>', 'organization id (default: the first one)')
    .option('--out <file>', 'file to write')
    .action(async (batchId: string, opts: { org?: string; out?: string }) => {
      await withDatabase(async ({ db }) => {
        const organizationId = await organizationOf(db, opts.org);
        const ctx = systemCtx(db, systemClock, organizationId, 'cli:claims', `claims-export-${Date.now()}`);
        const { x12, interchangeControlNumber } = await runInTenantScope(() => claimBatchX12(ctx, batchId), organizationId);
        if (opts.out) {
          fs.writeFileSync(opts.out, x12);
          console.error(`batch ${interchangeControlNumber} written to ${opts.out}`);
        } else process.stdout.write(x12);
      });
    });
}
