/** Foundation scenarios: liveness (no database) and an authenticated, audited read (GET /api/me). */
import autocannon from 'autocannon';
import { type BenchServer, load, type Scenario } from '../harness.ts';

export const healthz: Scenario = {
  name: 'healthz',
  description: 'GET /healthz: HTTP stack only',
  run: (s: BenchServer) =>
    load('healthz', { url: `${s.url}/healthz`, connections: s.options.connections, duration: s.options.durationSeconds, warmupSeconds: 3 }),
};

export const me: Scenario = {
  name: 'me',
  description: 'GET /api/me with a bearer token: session lookup + one audit row per request (audit on)',
  async run(s: BenchServer) {
    const opts = {
      url: `${s.url}/api/me`,
      headers: { authorization: `Bearer ${s.adminToken}` },
      connections: s.options.connections,
      duration: s.options.durationSeconds,
    };
    // Warmed up here rather than by load(), so the audit rows counted are the measured run's.
    await autocannon({ ...opts, duration: 3 });
    const before = await s.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const result = await load('me', opts);
    const after = await s.db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { ...result, auditRowsWritten: Number(after.n) - Number(before.n) };
  },
};
