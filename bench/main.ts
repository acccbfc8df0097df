/**
 * `npm run bench [scenario…] [--patients N] [--connections C] [--duration S] [--names census|common] [--no-baseline]`
 * Prints one JSON line per result (the bare baselines first, bench/baseline.ts), then a table
 * on stderr with the command, the data shape and the machine. BENCH_DATABASE_URL runs on an
 * external PostgreSQL (default: a fresh embedded cluster in a temp dir).
 */
import { parseArgs } from 'node:util';
import { bareRows, runBaseline } from './baseline.ts';
import { machineFacts } from './cpu.ts';
import { type LoadResult, startBenchServer } from './harness.ts';
import { formatTable, withBaseline } from './report.ts';
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
  `load: ${server.options.connections} connections, ${server.options.durationSeconds} s per run after a 3 s warm-up where the scenario has one`,
  `machine: ${machine.cpus} × ${machine.cpuModel}, node ${machine.node}, database ${server.mode}, CPU from /proc (${machine.cpuSource}, CLK_TCK ${machine.clockTicks})`,
  'CPU-ms/req = server process + its PostgreSQL backends; db bg = postmaster and background processes (embedded only);',
  'busy % = whole machine over the run; other % = the part of it that is neither the server, its database nor the bench.',
].join('\n');
process.stderr.write(`${header}\n`);

const printed: LoadResult[] = [];
const print = (line: LoadResult) => {
  printed.push(line);
  console.log(JSON.stringify({ ...line, ...shape }));
};
try {
  const baseline = values['no-baseline'] ? undefined : await runBaseline(server);
  for (const line of baseline?.results.values() ?? []) print(line);
  for (const s of scenarios.filter((x) => wanted.includes(x.name))) {
    const out = await s.run(server);
    for (const line of Array.isArray(out) ? out : [out]) print(withBaseline(line, baseline?.results));
  }
} finally {
  await server.stop();
}
process.stderr.write(`\n${header}\n${formatTable(printed)}\n`);
