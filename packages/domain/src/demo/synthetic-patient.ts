/** One synthetic patient from a seeded PRNG: used by the demo seed and the benchmark generator. */
import type { Random } from '../shared/random.ts';
import { CITIES, FAMILY, GIVEN_FEMALE, GIVEN_MALE, STREETS } from './names.ts';

export interface SyntheticPatient {
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'female' | 'male';
  phone: string;
  email: string;
  address: { line1: string; line2: null; city: string; state: string; postalCode: string };
}

export function syntheticPatient(rnd: Random, n: number): SyntheticPatient {
  const sex = rnd.chance(0.52) ? 'female' : 'male';
  const givenName = rnd.pick(sex === 'female' ? GIVEN_FEMALE : GIVEN_MALE);
  const familyName = rnd.pick(FAMILY);
  const year = rnd.int(1935, 2023);
  const month = rnd.int(1, 12);
  const day = rnd.int(1, 28);
  const place = rnd.pick(CITIES);
  // 555-01xx numbers are reserved for fiction, but libphonenumber rejects them; use valid-looking exchanges.
  const phone = `+1${place.area}${rnd.int(200, 989)}${String(rnd.int(0, 9999)).padStart(4, '0')}`;
  return {
    givenName,
    familyName,
    birthDate: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
    sex,
    phone,
    email: `${givenName}.${familyName}.${n}@example.com`.toLowerCase().replace(/'/g, ''),
    address: {
      line1: `${rnd.int(1, 9999)} ${rnd.pick(STREETS)}`,
      line2: null,
      city: place.city,
      state: place.state,
      postalCode: place.zip,
    },
  };
}
