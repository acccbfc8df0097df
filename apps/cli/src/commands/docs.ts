import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { permissionMatrixMarkdown } from '@domain/access/permissions.ts';
import { auditCatalogue } from '@domain/modules.ts';
import { withAuditCatalogue } from '@domain/shared/audit-events.ts';
import { ROOT } from '@server/server.ts';

export function registerDocs(program: Command): void {
  const docs = program.command('docs').description('Generate documentation from code');
  docs
    .command('permissions')
    .description('Write docs/PERMISSIONS.md, the role × permission matrix')
    .option('--check', 'exit 1 when the file is out of date instead of writing it')
    .action((opts: { check?: boolean }) => {
      const file = path.join(ROOT, 'docs/PERMISSIONS.md');
      const text = permissionMatrixMarkdown();
      if (opts.check) {
        const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        if (current !== text) {
          console.error('docs/PERMISSIONS.md is out of date: run `npm run clinicdesk -- docs permissions`');
          process.exit(1);
        }
        return;
      }
      fs.writeFileSync(file, text);
      console.log(`wrote ${file}`);
    });
  docs
    .command('audit')
    .description("Write the audit catalogue (every module's declared audit events) into docs/AUDIT.md")
    .option('--check', 'exit 1 when the file is out of date instead of writing it')
    .action((opts: { check?: boolean }) => {
      const file = path.join(ROOT, 'docs/AUDIT.md');
      const current = fs.readFileSync(file, 'utf8');
      const text = withAuditCatalogue(current, [...auditCatalogue().values()]);
      if (opts.check) {
        if (current !== text) {
          console.error('the catalogue in docs/AUDIT.md is out of date: run `npm run clinicdesk -- docs audit`');
          process.exit(1);
        }
        return;
      }
      fs.writeFileSync(file, text);
      console.log(`wrote ${file}`);
    });
}
