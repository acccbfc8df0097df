/**
 * Who the benchmark's patients are. `syntheticPatient` (the demo's generator) draws every
 * name from ~130 common ones, so at a million patients each surname is carried by 1.7%
 * of them: no real registry looks like that. The `census` model keeps those common names
 * for 35% of surnames and half of given names (the most common US surname, Smith, is
 * 0.8% of people; the top 1,000 surnames together 42%) and draws the rest from a long
 * tail of made-up names built from syllables, weighted so a few are common and most rare.
 * `common` keeps the demo's model, the worst case for name search.
 */
import { type SyntheticPatient, syntheticPatient } from '@domain/demo/index.ts';
import { type Random, seededRandom } from '@domain/shared/random.ts';

export type NameModel = 'census' | 'common';

const ONSETS = [
  'B',
  'Br',
  'C',
  'Ch',
  'D',
  'Dr',
  'F',
  'G',
  'Gr',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'Sh',
  'St',
  'T',
  'Th',
  'V',
  'W',
  'Y',
  'Z',
  'Al',
  'El',
  'Or',
  'Am',
];
const CORES = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'ar', 'er', 'or', 'an', 'en', 'il', 'ol', 'ul', 'am', 'ed', 'ic', 'ow'];
const TAILS = [
  'berg',
  'ton',
  'son',
  'ley',
  'wood',
  'field',
  'man',
  'ford',
  'well',
  'ski',
  'ez',
  'ini',
  'ova',
  'stein',
  'by',
  'hart',
  'more',
  'dale',
  'ham',
  'worth',
  'rich',
  'ard',
  'ick',
  'ler',
  'ens',
  'ing',
  'ott',
  'as',
  'ero',
  'ian',
];
const GIVEN_TAILS = ['a', 'ia', 'ie', 'o', 'en', 'an', 'el', 'ine', 'on', 'y', 'is', 'ah', 'ton', 'ella', 'ard', 'us'];

/** Index into n choices, skewed so low indexes are common (a rough Zipf). */
const skewed = (rnd: Random, n: number) => Math.min(n - 1, Math.floor(n * rnd.next() ** 2.2));

function tailSurname(rnd: Random): string {
  const i = skewed(rnd, ONSETS.length * CORES.length * TAILS.length);
  const onset = ONSETS[i % ONSETS.length] as string;
  const core = CORES[Math.floor(i / ONSETS.length) % CORES.length] as string;
  const tail = TAILS[Math.floor(i / (ONSETS.length * CORES.length))] as string;
  return onset + core + tail;
}

function tailGiven(rnd: Random): string {
  const i = skewed(rnd, ONSETS.length * CORES.length * GIVEN_TAILS.length);
  const onset = ONSETS[i % ONSETS.length] as string;
  const core = CORES[Math.floor(i / ONSETS.length) % CORES.length] as string;
  return onset + core + (GIVEN_TAILS[Math.floor(i / (ONSETS.length * CORES.length))] as string);
}

/** Patient n of the population: the same n and seed give the same patient in the generator and in the queries. */
export function benchPatient(rnd: Random, names: Random, n: number, model: NameModel): SyntheticPatient {
  const p = syntheticPatient(rnd, n);
  if (model === 'common') return p;
  const familyName = names.chance(0.35) ? p.familyName : tailSurname(names);
  const givenName = names.chance(0.5) ? p.givenName : tailGiven(names);
  return { ...p, givenName, familyName, email: `${givenName}.${familyName}.${n}@example.com`.toLowerCase() };
}

/** The two random streams of a population: one for the demo's fields, one for the name model. */
export function populationStreams(seed: number): { rnd: Random; names: Random } {
  return { rnd: seededRandom(seed), names: seededRandom(seed ^ 0x5eed) };
}
