export { createLocation } from './create-location.ts';
export { getOrganizationSettings } from './get-organization-settings.ts';
export { listLocations } from './list-locations.ts';
export { listProviders, listRooms } from './list-providers.ts';
export * from './organization-settings.ts';
export * from './organizations.schemas.ts';
export type { OrganizationsTables } from './organizations.tables.ts';
export { updateLocation } from './update-location.ts';
export { updateOrganizationSettings } from './update-organization-settings.ts';
