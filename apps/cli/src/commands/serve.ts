import type { Command } from 'commander';
import { loadConfig } from '@server/config.ts';
import { startServer } from '@server/server.ts';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start ClinicDesk: database, API, web UI and background jobs in one process')
    .option('--build-web-if-missing', 'build the web UI first when apps/web/dist is absent')
    .option('--port <port>', 'HTTP port (default PORT or 3000)')
    .action(async (opts: { buildWebIfMissing?: boolean; port?: string }) => {
      const config = loadConfig();
      if (opts.port) config.port = Number(opts.port);
      await startServer(config, { buildWeb: opts.buildWebIfMissing === true });
    });
}
