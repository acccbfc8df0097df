/**
 * Patient registry scenarios: register (duplicate check + MRN + audit), read by id
 * (access check + audit), and the search box (names, typos, birth dates, phones, MRNs)
 * over the generated population (--patients N, default 10,000).
 */
import { seededRandom } from '@domain/shared/random.ts';
import { benchPatient, type NameModel, populationStreams } from '../population.ts';
import { type BenchServer, load, type Scenario, sequentialLatency } from '../harness.ts';

const auth = (s: BenchServer) => ({ authorization: `Bearer ${s.adminToken}` });

export const patientCreate: Scenario = {
  name: 'patient-create',
  description: 'POST /api/patients: validation, duplicate check, MRN, audit row (unique synthetic people)',
  async run(s) {
    await s.patients();
    const { rnd, names } = populationStreams(s.options.seed + 1);
    let n = 0;
    return load('patient-create', {
      url: `${s.url}/api/patients`,
      method: 'POST',
      headers: { ...auth(s), 'content-type': 'application/json' },
      connections: s.options.connections,
      duration: s.options.durationSeconds,
      warmupSeconds: 3,
      requests: [
        {
          setupRequest: (req: Record<string, unknown>) => {
            const p = benchPatient(rnd, names, 10_000_000 + n++, s.options.names);
            // Realistic names, so some registrations meet possible duplicates: the clerk has
            // confirmed (the check still runs and its candidates are audited). The e-mail
            // carries n, so no two bodies are identical (that is refused even when confirmed).
            const body = {
              givenName: p.givenName,
              familyName: p.familyName,
              birthDate: p.birthDate,
              sex: p.sex,
              address: p.address,
              email: p.email,
              confirmNotDuplicate: true,
            };
            return { ...req, body: JSON.stringify(body) };
          },
        },
      ],
    } as unknown as Parameters<typeof load>[1]);
  },
};

export const patientRead: Scenario = {
  name: 'patient-read',
  description: 'GET /api/patients/{id}: object access check + audit row',
  async run(s) {
    const ids = await s.patients();
    let i = 0;
    return load('patient-read', {
      url: `${s.url}/api/patients/${ids[0]}`,
      headers: auth(s),
      connections: s.options.connections,
      duration: s.options.durationSeconds,
      warmupSeconds: 3,
      requests: [
        {
          setupRequest: (req: { path?: string }) => ({ ...req, path: `/api/patients/${ids[i++ % ids.length]}` }),
        },
      ],
    } as unknown as Parameters<typeof load>[1]);
  },
};

/** Queries of every kind the box accepts, drawn from the generated population. */
function searchQueries(count: number, seed: number, model: NameModel): string[] {
  const rnd = seededRandom(seed + 2);
  const out: string[] = [];
  const gen = populationStreams(seed);
  const sample = Array.from({ length: 500 }, (_, k) => benchPatient(gen.rnd, gen.names, k, model));
  for (let i = 0; i < count; i++) {
    const p = sample[rnd.int(0, sample.length - 1)] as (typeof sample)[number];
    const [y, m, d] = p.birthDate.split('-');
    const kinds = [
      `${p.familyName.slice(0, 3)} ${p.givenName.slice(0, 2)}`,
      `${p.givenName} ${p.familyName}`,
      `${p.givenName.slice(0, -1)} ${p.familyName.slice(0, 2)}${p.familyName.slice(3, 4)}${p.familyName.slice(2, 3)}${p.familyName.slice(4)}`,
      `${Number(m)}/${Number(d)}/${y}`,
      `${p.familyName} ${y}-${m}-${d}`,
      p.phone.slice(2),
    ];
    out.push(kinds[i % kinds.length] as string);
  }
  return out;
}

export const patientSearch: Scenario = {
  name: 'patient-search',
  description: 'GET /api/patients?q=… sequentially: prefixes, full names, typos, DOB formats, phone digits (p50/p95/p99)',
  async run(s) {
    const ids = await s.patients();
    const queries = searchQueries(600, s.options.seed, s.options.names);
    // Warm the caches and plans first, then measure.
    for (const q of queries.slice(0, 50))
      await (await fetch(`${s.url}/api/patients?q=${encodeURIComponent(q)}`, { headers: auth(s) })).arrayBuffer();
    return sequentialLatency(
      'patient-search',
      queries.length,
      (i) => fetch(`${s.url}/api/patients?q=${encodeURIComponent(queries[i] as string)}&limit=25`, { headers: auth(s) }),
      { patients: ids.length },
    );
  },
};

export const patientScenarios: Scenario[] = [patientCreate, patientRead, patientSearch];
