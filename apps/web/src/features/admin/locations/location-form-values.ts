/** Between the form (strings, '' for empty) and the API (null for an absent optional value). */
import type { Location, LocationInput } from '../../../api/types.ts';
import { timeZones } from './choices.ts';

export interface LocationFormValues {
  name: string;
  addressLine1: string;
  addressLine2: string;
  city: string;
  state: string;
  postalCode: string;
  phone: string;
  timeZone: string;
  placeOfService: string;
  billingNpi: string;
  tin: string;
  active: boolean;
}

export const FIELD_LABELS: Record<keyof LocationFormValues, string> = {
  name: 'Name',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  city: 'City',
  state: 'State',
  postalCode: 'ZIP code',
  phone: 'Phone',
  timeZone: 'Time zone',
  placeOfService: 'Place of service',
  billingNpi: 'Billing NPI',
  tin: 'Tax ID (TIN)',
  active: 'Active',
};

/** This computer's zone when the server would accept it: a sensible default for a new location. */
function browserZone(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return timeZones().includes(zone) ? zone : '';
}

export const emptyLocation: LocationFormValues = {
  name: '',
  addressLine1: '',
  addressLine2: '',
  city: '',
  state: '',
  postalCode: '',
  phone: '',
  timeZone: browserZone(),
  placeOfService: '11',
  billingNpi: '',
  tin: '',
  active: true,
};

export function fromLocation(l: Location): LocationFormValues {
  return {
    name: l.name,
    addressLine1: l.addressLine1,
    addressLine2: l.addressLine2,
    city: l.city,
    state: l.state ?? '',
    postalCode: l.postalCode ?? '',
    phone: l.phone ?? '',
    timeZone: l.timeZone,
    placeOfService: l.placeOfService,
    billingNpi: l.billingNpi ?? '',
    tin: l.tin ?? '',
    active: l.active,
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

export function toPayload(v: LocationFormValues): LocationInput {
  return {
    name: v.name.trim(),
    addressLine1: v.addressLine1.trim(),
    addressLine2: v.addressLine2.trim(),
    city: v.city.trim(),
    state: orNull(v.state) as LocationInput['state'],
    postalCode: orNull(v.postalCode),
    phone: orNull(v.phone),
    timeZone: v.timeZone,
    placeOfService: v.placeOfService,
    billingNpi: orNull(v.billingNpi),
    tin: orNull(v.tin),
    active: v.active,
  };
}

/** Fields whose saved value differs from what the form holds (for the "changed by someone else" notice). */
export function differences(mine: LocationFormValues, theirs: LocationFormValues): (keyof LocationFormValues)[] {
  return (Object.keys(FIELD_LABELS) as (keyof LocationFormValues)[]).filter((k) => String(mine[k]).trim() !== String(theirs[k]).trim());
}
