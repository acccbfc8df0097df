/**
 * The `clinicdesk` command: `--help` works on every registered command (found by walking the
 * program's commands, so a new command is covered without editing this test). It uses no
 * database (tests/setup/database-free.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/ops.ts';

interface HelpReport {
  path: string;
  exitCode: number | null;
  output: string;
}

describe('clinicdesk --help', () => {
  it('answers on every registered command and subcommand with exit 0 and a Usage line', async () => {
    // Every command, walked from the program itself so a new command is covered automatically
    // (one child process: see tests/helpers/cli-help-walker.ts).
    const walker = spawnSync(process.execPath, [path.join(ROOT, 'bin/run-ts.js'), 'tests/helpers/cli-help-walker.ts'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(walker.status, walker.stderr).toBe(0);
    const report = JSON.parse(walker.stdout) as HelpReport[];
    expect(report.map((r) => r.path)).toEqual(
      expect.arrayContaining(['serve', 'migrate', 'seed', 'seed demo', 'user', 'user create', 'backup', 'restore']),
    );
    for (const r of report) {
      expect(r.exitCode, r.path).toBe(0);
      expect(r.output, r.path).toMatch(new RegExp(`^Usage: clinicdesk ${r.path} `));
    }

    // And the real binary, as an operator types it.
    const runs = await Promise.all([runCli(['--help']), runCli(['backup', '--help']), runCli(['user', 'create', '--help'])]);
    for (const [i, r] of runs.entries()) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(
        [/^Usage: clinicdesk \[options\] \[command\]/, /^Usage: clinicdesk backup \[options\] <file>/, /^Usage: clinicdesk user create/][
          i
        ] as RegExp,
      );
    }
    const commandsSection = (runs[0]?.stdout ?? '').split(/^Commands:\n/m)[1] ?? '';
    const listed = [...commandsSection.matchAll(/^ {2}(\S+)/gm)].map((m) => m[1]).filter((n) => n !== 'help');
    expect(listed.sort()).toEqual(
      report
        .filter((r) => !r.path.includes(' '))
        .map((r) => r.path)
        .sort(),
    );
  }, 120_000); // a child process walks every command, then three real runs: seconds each on a busy machine
});
