/**
 * ICD-10-CM search as staff type (`GET /api/codes/icd10?q=`): every prefix of realistic queries,
 * words and codes with and without the dot, so one-letter boxes (the most matches) weigh as
 * much as they do at a keyboard. The code set is the shipped FY2026 file (98,186 codes).
 */
import { type BenchServer, load, type Scenario } from '../harness.ts';

const auth = (s: BenchServer) => ({ authorization: `Bearer ${s.adminToken}` });

/** What people finish typing; the scenario sends each prefix from 1 character on. */
const TYPED = [
  'diabetes type 2',
  'e11.9',
  'E119',
  'essential hypertension',
  'i10',
  'hyperlipidemia',
  'e78.5',
  'low back pain',
  'm54.50',
  'acute sinusitis',
  'j01.90',
  'urinary tract infection',
  'n39.0',
  'annual physical adult',
  'z00.00',
  'asthma mild intermittent',
  'j45.20',
  'depression major single',
  'f32.a',
  'anxiety generalized',
  'f41.1',
  'otitis media acute',
  'h66.90',
  'vitamin d deficiency',
  'e55.9',
  'gastroesophageal reflux',
  'k21.9',
  'obesity bmi 30',
  'z68.30',
  'ankle sprain left',
  's93.402a',
  'covid',
  'u07.1',
  'fever',
  'cough',
  'strep pharyngitis',
];

export const QUERIES: string[] = TYPED.flatMap((t) =>
  Array.from({ length: t.length }, (_, i) => t.slice(0, i + 1)).filter((q) => !q.endsWith(' ')),
);

function icd10Load(s: BenchServer, name: string, connections: number) {
  let i = 0;
  return load(
    name,
    {
      url: `${s.url}/api/codes/icd10?q=a`,
      headers: auth(s),
      connections,
      duration: s.options.durationSeconds,
      warmupSeconds: 3,
      requests: [
        {
          setupRequest: (req: { path?: string }) => ({
            ...req,
            path: `/api/codes/icd10?q=${encodeURIComponent(QUERIES[i++ % QUERIES.length] as string)}`,
          }),
        },
      ],
    } as unknown as Parameters<typeof load>[1],
    { queries: QUERIES.length },
  );
}

export const icd10Search: Scenario = {
  name: 'icd10-search',
  description: `GET /api/codes/icd10?q=: every prefix of ${TYPED.length} typed queries (${QUERIES.length} requests in turn: words, codes with and without the dot)`,
  run: (s) => icd10Load(s, 'icd10-search', s.options.connections),
};

/**
 * The same keystrokes from one person typing (one connection, each request after the answer
 * to the last): what filtering as you type feels like, without the queueing of 50 clients
 * sharing two cores.
 */
export const icd10SearchTyping: Scenario = {
  name: 'icd10-search-typing',
  description: `GET /api/codes/icd10?q=: the same ${QUERIES.length} keystrokes from one person (1 connection)`,
  run: (s) => icd10Load(s, 'icd10-search-typing', 1),
};

export const codesScenarios: Scenario[] = [icd10Search, icd10SearchTyping];
