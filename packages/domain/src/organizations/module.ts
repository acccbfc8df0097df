import { defineModule } from '../module-manifest.ts';

/** The practice, its locations, providers and rooms, and practice-wide settings. */
export const organizationsModule = defineModule({
  name: 'organizations',
  tables: ['organizations', 'locations', 'providers', 'rooms'],
});
