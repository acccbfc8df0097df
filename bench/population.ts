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

/** What a front desk types to register `p`: the body of `POST /api/patients` (patient-create sends it, and bare-insert-patient writes it). */
export function registrationBody(
  p: SyntheticPatient,
): Pick<SyntheticPatient, 'givenName' | 'familyName' | 'birthDate' | 'sex' | 'address' | 'email'> {
  return { givenName: p.givenName, familyName: p.familyName, birthDate: p.birthDate, sex: p.sex, address: p.address, email: p.email };
}

/** The two random streams of a population: one for the demo's fields, one for the name model. */
export function populationStreams(seed: number): { rnd: Random; names: Random } {
  return { rnd: seededRandom(seed), names: seededRandom(seed ^ 0x5eed) };
}

/**
 * Registries with heavy sound-alike clusters, for `patient-search-clusters`. In each, a third
 * of the patients belong to the cluster and the rest are the census model's:
 *  - vietnamese: surnames Nguyen, Tran, Le, Pham, Huynh (in their real proportions), with
 *    their accented spellings (Nguyễn, Trần…) and one- or two-letter misspellings as clerks
 *    type them, given names from a short list, middle names Thi/Van/…;
 *  - smith: Smith, Smyth, Schmidt, Smithe, Smitt, Schmitt… and their misspellings, so one
 *    Double Metaphone code holds hundreds of words;
 *  - suffix: a few surnames with generational (Jr, Sr, II, III, IV) or numeric ("Lee 12")
 *    suffixes, and common given names: many "John Lee" who differ by a suffix;
 *  - families: households sharing surname and given names, twins sharing a birth date and
 *    often a name: thousands of identical full names.
 */
export type ClusterShape = 'vietnamese' | 'smith' | 'suffix' | 'families';
export const CLUSTER_SHAPES: readonly ClusterShape[] = ['vietnamese', 'smith', 'suffix', 'families'];

/** A generated patient, with the middle name the cluster shapes give some, and whether it is one of the cluster. */
export type BenchPerson = SyntheticPatient & { middleName: string | null; cluster: boolean };

const VIETNAMESE: [string, string, number][] = [
  ['Nguyen', 'Nguyễn', 38],
  ['Tran', 'Trần', 11],
  ['Le', 'Lê', 9.5],
  ['Pham', 'Phạm', 7],
  ['Huynh', 'Huỳnh', 5],
];
const VIETNAMESE_GIVEN = ['Anh', 'Minh', 'Thanh', 'Linh', 'Huong', 'Hoa', 'Tuan', 'Duc', 'Hung', 'Lan', 'Mai', 'Nam', 'Phuong', 'Quang'];
const VIETNAMESE_MIDDLE = ['Thi', 'Van', 'Ngoc', 'Minh', 'Quoc', 'Duc'];
const SMITHS: [string, number][] = [
  ['Smith', 40],
  ['Schmidt', 12],
  ['Smyth', 8],
  ['Schmitt', 6],
  ['Smit', 5],
  ['Schmid', 5],
  ['Smithson', 4],
  ['Schmitz', 4],
  ['Smithe', 3],
  ['Smitt', 3],
  ['Smythe', 3],
  ['Smits', 3],
];
const SUFFIXED: [string, number][] = [
  ['Lee', 30],
  ['Kim', 25],
  ['Park', 12],
  ['Johnson', 10],
  ['Brown', 8],
  ['Jones', 8],
  ['Garcia', 7],
];
const GENERATIONS = ['Jr', 'Sr', 'II', 'III', 'IV'];
const SHARED_GIVEN = ['John', 'James', 'Robert', 'Michael', 'Mary', 'Maria', 'Jose', 'David', 'Linda', 'Ana', 'Min', 'Ji'];
const HOUSEHOLDS: [string, number][] = [
  ['Garcia', 20],
  ['Rodriguez', 15],
  ['Martinez', 14],
  ['Hernandez', 13],
  ['Lopez', 12],
  ['Gonzalez', 11],
  ['Williams', 10],
  ['Johnson', 10],
  ['Brown', 8],
  ['Jones', 8],
];

/** The first element of one of `items`, chosen in proportion to its weight (its last element). */
function weighted<T>(rnd: Random, items: readonly (readonly [T, ...(string | number)[]])[]): T {
  const weight = (i: readonly unknown[]) => i[i.length - 1] as number;
  const total = items.reduce((s, i) => s + weight(i), 0);
  let x = rnd.next() * total;
  for (const i of items) {
    x -= weight(i);
    if (x < 0) return i[0];
  }
  return (items[items.length - 1] as readonly [T])[0];
}

const VOWELS = 'aeiouy';
const ALIKE: Record<string, string> = { c: 'k', k: 'c', s: 'z', z: 's', i: 'y', y: 'i', f: 'p', t: 'd', d: 't', m: 'n', n: 'm' };

/** One or two edits as a hurried clerk makes them: a swapped pair, a doubled or dropped letter, a vowel or a sound-alike letter. */
export function misspell(rnd: Random, word: string): string {
  let w = word.toLowerCase();
  for (let e = rnd.chance(0.7) ? 1 : 2; e > 0; e--) {
    const i = rnd.int(1, Math.max(1, w.length - 1));
    const c = w[i] ?? '';
    switch (rnd.int(0, 4)) {
      case 0:
        if (i + 1 < w.length) w = w.slice(0, i) + (w[i + 1] ?? '') + c + w.slice(i + 2);
        break;
      case 1:
        w = w.slice(0, i) + c + w.slice(i);
        break;
      case 2:
        if (w.length > 3) w = w.slice(0, i) + w.slice(i + 1);
        break;
      case 3:
        w = w.slice(0, i) + (VOWELS.includes(c) ? rnd.pick([...VOWELS]) : (ALIKE[c] ?? 'h')) + w.slice(i + 1);
        break;
      default:
        w = `${w.slice(0, i)}h${w.slice(i)}`;
    }
  }
  return (w[0] ?? '').toUpperCase() + w.slice(1);
}

/**
 * The patients of a cluster registry, in order: `next()` gives patient 0, 1, 2… The same seed
 * and shape give the same registry in the generator and in the queries.
 */
export function clusterPopulation(seed: number, shape: ClusterShape): () => BenchPerson {
  const { rnd, names } = populationStreams(seed);
  let n = 0;
  let previous: BenchPerson | undefined;
  return () => {
    const base = benchPatient(rnd, names, n++, 'census');
    let p: BenchPerson = { ...base, middleName: null, cluster: false };
    if (names.chance(1 / 3)) {
      p.cluster = true;
      if (shape === 'vietnamese') {
        const family = weighted(names, VIETNAMESE);
        const accented = (VIETNAMESE.find((v) => v[0] === family) as [string, string, number])[1];
        const r = names.next();
        p = {
          ...p,
          familyName: r < 0.75 ? family : r < 0.87 ? accented : misspell(names, family),
          givenName: names.chance(0.9) ? names.pick(VIETNAMESE_GIVEN) : misspell(names, names.pick(VIETNAMESE_GIVEN)),
          middleName: names.chance(0.7) ? names.pick(VIETNAMESE_MIDDLE) : null,
        };
      } else if (shape === 'smith') {
        const family = weighted(names, SMITHS);
        p = { ...p, familyName: names.chance(0.75) ? family : misspell(names, family) };
      } else if (shape === 'suffix') {
        const family = weighted(names, SUFFIXED);
        const suffix = names.chance(0.6) ? names.pick(GENERATIONS) : String(names.int(2, 40));
        p = { ...p, familyName: `${family} ${suffix}`, givenName: names.pick(SHARED_GIVEN) };
      } else {
        // A twin of the previous patient (same surname and birth date, often the same given
        // name), or a household member sharing a common surname and given name.
        p =
          previous && names.chance(0.15)
            ? {
                ...p,
                familyName: previous.familyName,
                birthDate: previous.birthDate,
                givenName: names.chance(0.5) ? previous.givenName : names.pick(SHARED_GIVEN),
              }
            : { ...p, familyName: weighted(names, HOUSEHOLDS), givenName: names.pick(SHARED_GIVEN) };
      }
      p.email = `${p.givenName}.${p.familyName}.${n}@example.com`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
    }
    previous = p;
    return p;
  };
}
