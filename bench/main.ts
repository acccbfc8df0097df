/**
 * `npm run bench [scenario…] [--patients N] [--connections C] [--duration S] [--names census|common]`
 * Prints one JSON line per scenario result. BENCH_DATABASE_URL runs on an external
 * PostgreSQL (default: a fresh embedded cluster in a temp dir).
 */
import { parseArgs } from 'node:util';
import { startBenchServer } from './harness.ts';
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

const server = await startBenchServer({
  names: values.names,
  patients: Number(values.patients),
  connections: Number(values.connections),
  durationSeconds: Number(values.duration),
  seed: Number(values.seed),
});
try {
  for (const s of scenarios.filter((x) => wanted.includes(x.name))) {
    const out = await s.run(server);
    for (const line of Array.isArray(out) ? out : [out]) {
      console.log(
        JSON.stringify({ ...line, names: server.options.names, mode: server.mode, cpus: (await import('node:os')).cpus().length }),
      );
    }
  }
} finally {
  await server.stop();
}
