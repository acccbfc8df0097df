/**
 * `npm run bench [scenario…] [--patients N] [--connections C] [--duration S] [--names census|common] [--repeat R] [--no-baseline]`
 * Prints one JSON line per result (the bare baselines first, bench/baseline.ts), then a table
 * on stderr with the command, the data shape and the machine. `--repeat R` runs the baselines and
 * the scenarios R times in rounds (each line carries its `round`), then prints each scenario's
 * medians over the rounds with the spread of the figure its target is set in: on a shared
 * machine one run says little about a p95. BENCH_DATABASE_URL runs on an
 * external PostgreSQL (default: a fresh embedded cluster in a temp dir).
 */
import { parseArgs } from 'node:util';
import { type BareKind, bareRows, runBaseline } from './baseline.ts';
import { machineFacts } from './cpu.ts';
import { type LoadResult, startBenchServer } from './harness.ts';
import { baselinesFor, formatSummary, formatTable, summarizeRuns, withBaseline } from './report.ts';
import { scenarios } from './scenarios/index.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    patients: { type: 'string', default: '10000' },
    connections: { type: 'string', default: '50' },
    duration: { type: 'string', default: '10' },
    seed: { type: 'string', default: '42' },
    names: { type: 'string', default: 'census' },
    list: { type: 'boolean', default: false },
    repeat: { type: 'string', default: '1' },
    'no-baseline': { type: 'boolean', default: false },
  },
});

if (values.list) {
  for (const s of scenarios) console.log(`${s.name.padEnd(24)} ${s.description}`);
  process.exit(0);
}

const wanted = positionals.length ? positionals : scenarios.map((s) => s.name);
const unknown = wanted.filter((w) => !scenarios.some((s) => s.name === w));
if (unknown.length) {
  console.error(`unknown scenario(s): ${unknown.join(', ')}; known: ${scenarios.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const rounds = Number(values.repeat);
if (!Number.isInteger(rounds) || rounds < 1 || rounds > 50) {
  console.error('--repeat is a whole number of rounds, 1 to 50');
  process.exit(2);
}

if (values.names !== 'census' && values.names !== 'common') {
  console.error('--names is census (a long tail of surnames, the default) or common (~130 names, the worst case)');
  process.exit(2);
}

/** BENCH_DATABASE_URL without its password, to print. */
function externalDatabase(): string | undefined {
  const raw = process.env.BENCH_DATABASE_URL;
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    u.password = '';
    return u.toString();
  } catch {
    return 'BENCH_DATABASE_URL (unparsed)';
  }
}

const chosen = scenarios.filter((x) => wanted.includes(x.name));
const once = chosen.filter((x) => x.once);
if (rounds > 1 && once.length) {
  console.error(
    `--repeat: ${once.map((x) => x.name).join(', ')} cannot run twice in one invocation (a second run finds what the first left); run them once`,
  );
  process.exit(2);
}

const server = await startBenchServer({
  names: values.names,
  patients: Number(values.patients),
  connections: Number(values.connections),
  durationSeconds: Number(values.duration),
  seed: Number(values.seed),
});
const machine = machineFacts();
const shape = {
  patients: server.options.patients,
  names: server.options.names,
  seed: server.options.seed,
  mode: server.mode,
  cpus: machine.cpus,
  node: machine.node,
};
const external = externalDatabase();
const header = [
  `command: ${external ? `BENCH_DATABASE_URL=${external} ` : ''}npm run bench -- ${process.argv.slice(2).join(' ')}`.trimEnd(),
  `data: ${shape.patients} patients, names ${shape.names}, seed ${shape.seed}; bare baseline rows ${bareRows(shape.patients)}`,
  `load: ${server.options.connections} connections, ${server.options.durationSeconds} s per run after a 3 s warm-up where the scenario has one${rounds > 1 ? `; ${rounds} rounds (baselines, then scenarios)` : ''}`,
  `machine: ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, database ${server.mode}, CPU from /proc (${machine.cpuSource}, CLK_TCK ${machine.clockTicks})`,
  'CPU-ms/req = server process + its PostgreSQL backends; db bg = postmaster and background processes (embedded only);',
  'busy % = whole machine over the run; other % = the part of it that is neither the server, its database nor the bench.',
].join('\n');
process.stderr.write(`${header}\n`);

const printed: LoadResult[] = [];
const print = (line: LoadResult, round: number) => {
  const numbered = rounds > 1 ? { ...line, round } : line;
  printed.push(numbered);
  console.log(JSON.stringify({ ...numbered, ...shape }));
};
// Only the baselines the chosen scenarios are compared with (bench/report.ts).
const kinds = [...new Set(chosen.flatMap((s) => baselinesFor(s.name)))] as BareKind[];
try {
  for (let round = 1; round <= rounds; round++) {
    if (rounds > 1) process.stderr.write(`round ${round} of ${rounds}\n`);
    const baseline = values['no-baseline'] ? undefined : await runBaseline(server, kinds);
    for (const line of baseline?.results.values() ?? []) print(line, round);
    for (const s of chosen) {
      const out = await s.run(server);
      for (const line of Array.isArray(out) ? out : [out]) print(withBaseline(line, baseline?.results), round);
    }
  }
} finally {
  await server.stop();
}
process.stderr.write(`\n${header}\n${formatTable(printed)}\n`);
if (rounds > 1) {
  const summaries = summarizeRuns(printed);
  for (const s of summaries)
    console.log(
      JSON.stringify({
        summaryOfRounds: s.runs,
        perRun: s.perRun,
        targetMetRuns: s.metRuns,
        failuresByRun: s.failuresByRun,
        ...s.medians,
        round: undefined,
        ...shape,
      }),
    );
  process.stderr.write(`\n${formatSummary(summaries)}\n`);
}
