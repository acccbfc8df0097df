/**
 * Child process for ops-cli.test.ts: loads the real `clinicdesk` program (apps/cli/src/main.ts)
 * without letting it parse argv, then runs `<command path> --help` through commander for
 * every registered command and subcommand, printing one JSON report. One process instead
 * of one per command keeps the test fast on two shared cores.
 */
import { Command, CommanderError } from 'commander';

let program: Command | undefined;
const parseAsync = Command.prototype.parseAsync;
Command.prototype.parseAsync = function (this: Command) {
  program = this;
  return Promise.resolve(this);
} as typeof parseAsync;
await import('../../apps/cli/src/main.ts');
Command.prototype.parseAsync = parseAsync;
if (!program) throw new Error('main.ts did not call parseAsync');

let output = '';
const tree: { path: string[]; command: Command }[] = [];
const walk = (command: Command, path: string[]) => {
  command.exitOverride();
  command.configureOutput({ writeOut: (s) => (output += s), writeErr: (s) => (output += s) });
  if (path.length) tree.push({ path, command });
  for (const sub of command.commands) walk(sub, [...path, sub.name()]);
};
walk(program, []);

const report: { path: string; exitCode: number | null; output: string }[] = [];
for (const { path } of tree) {
  output = '';
  let exitCode: number | null = null;
  try {
    await program.parseAsync([...path, '--help'], { from: 'user' });
  } catch (e) {
    exitCode = e instanceof CommanderError ? e.exitCode : 99;
  }
  report.push({ path: path.join(' '), exitCode, output });
}
process.stdout.write(`${JSON.stringify(report)}\n`);
