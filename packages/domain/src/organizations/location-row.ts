import type { Selectable } from 'kysely';
import type { LocationInput, Location } from './organizations.schemas.ts';
import type { LocationsTable } from './organizations.tables.ts';

export function toLocation(r: Selectable<LocationsTable>): Location {
  return {
    id: r.id,
    name: r.name,
    addressLine1: r.address_line1,
    addressLine2: r.address_line2,
    city: r.city,
    state: r.state,
    postalCode: r.postal_code,
    phone: r.phone,
    timeZone: r.time_zone,
    placeOfService: r.place_of_service,
    billingNpi: r.billing_npi,
    tin: r.tin,
    active: r.active,
    version: r.version,
  };
}

export function toLocationColumns(i: Partial<LocationInput>) {
  const out: Record<string, unknown> = {};
  if (i.name !== undefined) out.name = i.name;
  if (i.addressLine1 !== undefined) out.address_line1 = i.addressLine1;
  if (i.addressLine2 !== undefined) out.address_line2 = i.addressLine2;
  if (i.city !== undefined) out.city = i.city;
  if (i.state !== undefined) out.state = i.state;
  if (i.postalCode !== undefined) out.postal_code = i.postalCode;
  if (i.phone !== undefined) out.phone = i.phone;
  if (i.timeZone !== undefined) out.time_zone = i.timeZone;
  if (i.placeOfService !== undefined) out.place_of_service = i.placeOfService;
  if (i.billingNpi !== undefined) out.billing_npi = i.billingNpi;
  if (i.tin !== undefined) out.tin = i.tin;
  if (i.active !== undefined) out.active = i.active;
  return out;
}
