/** US states and territories (the server's `stateSchema`), found by code or by name. */
import type { ComboboxItem, OptionsFilter } from '@mantine/core';

export const US_STATE_NAMES: Record<string, string> = {
  AL: 'Alabama',
  AK: 'Alaska',
  AZ: 'Arizona',
  AR: 'Arkansas',
  CA: 'California',
  CO: 'Colorado',
  CT: 'Connecticut',
  DE: 'Delaware',
  DC: 'District of Columbia',
  FL: 'Florida',
  GA: 'Georgia',
  HI: 'Hawaii',
  ID: 'Idaho',
  IL: 'Illinois',
  IN: 'Indiana',
  IA: 'Iowa',
  KS: 'Kansas',
  KY: 'Kentucky',
  LA: 'Louisiana',
  ME: 'Maine',
  MD: 'Maryland',
  MA: 'Massachusetts',
  MI: 'Michigan',
  MN: 'Minnesota',
  MS: 'Mississippi',
  MO: 'Missouri',
  MT: 'Montana',
  NE: 'Nebraska',
  NV: 'Nevada',
  NH: 'New Hampshire',
  NJ: 'New Jersey',
  NM: 'New Mexico',
  NY: 'New York',
  NC: 'North Carolina',
  ND: 'North Dakota',
  OH: 'Ohio',
  OK: 'Oklahoma',
  OR: 'Oregon',
  PA: 'Pennsylvania',
  RI: 'Rhode Island',
  SC: 'South Carolina',
  SD: 'South Dakota',
  TN: 'Tennessee',
  TX: 'Texas',
  UT: 'Utah',
  VT: 'Vermont',
  VA: 'Virginia',
  WA: 'Washington',
  WV: 'West Virginia',
  WI: 'Wisconsin',
  WY: 'Wyoming',
  PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands',
  GU: 'Guam',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
};

/** Options labelled "Colorado (CO)", valued by code. */
export const US_STATE_OPTIONS: ComboboxItem[] = Object.entries(US_STATE_NAMES).map(([value, name]) => ({
  value,
  label: `${name} (${value})`,
}));

/**
 * How well a state answers what was typed: the code itself first ("co" → Colorado, not
 * Connecticut), then names beginning with it, then a word of the name ("jersey"), then
 * anywhere. -1: no match.
 */
export function stateRank(option: ComboboxItem, search: string): number {
  const q = search.trim().toLowerCase();
  if (!q) return 0;
  const name = (US_STATE_NAMES[option.value] ?? option.label).toLowerCase();
  if (option.value.toLowerCase() === q) return 0;
  if (name.startsWith(q)) return 1;
  if (name.split(/[\s.]+/).some((w) => w.startsWith(q))) return 2;
  if (option.label.toLowerCase().includes(q)) return 3;
  return -1;
}

/** Mantine's `filter` for the State select: matches in `stateRank` order. */
export const filterStates: OptionsFilter = ({ options, search }) =>
  (options as ComboboxItem[])
    .map((o) => ({ o, r: stateRank(o, search) }))
    .filter((x) => x.r >= 0)
    .sort((a, b) => a.r - b.r)
    .map((x) => x.o);
