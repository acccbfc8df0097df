/** Choices offered by the location form. The state list is checked against the API's enum. */
import type { LocationInput } from '../../../api/types.ts';

type State = NonNullable<LocationInput['state']>;

// biome-ignore format: one row per line would be 56 lines
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA',
  'ME', 'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR',
  'PA', 'RI', 'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'PR', 'VI', 'GU', 'AS', 'MP',
] as const satisfies readonly State[];

/** The CMS place-of-service codes a practice location is likely to bill under. */
export const PLACES_OF_SERVICE = [
  { value: '11', label: '11 Office' },
  { value: '02', label: '02 Telehealth (not in patient home)' },
  { value: '10', label: '10 Telehealth in patient home' },
  { value: '19', label: '19 Off-campus outpatient hospital' },
  { value: '20', label: '20 Urgent care facility' },
  { value: '22', label: '22 On-campus outpatient hospital' },
  { value: '49', label: '49 Independent clinic' },
  { value: '50', label: '50 Federally qualified health center' },
  { value: '71', label: '71 Public health clinic' },
  { value: '72', label: '72 Rural health clinic' },
];

/** IANA zones this browser knows, in the Area/City form the server accepts. */
export function timeZones(current?: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z.includes('/') || z === 'UTC');
  return current && !zones.includes(current) ? [current, ...zones] : zones;
}
