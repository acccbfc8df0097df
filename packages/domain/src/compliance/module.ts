import { defineModule } from '../module-manifest.ts';

/** Audit reports and exports, access reports, break-glass grants and their review. */
export const complianceModule = defineModule({
  name: 'compliance',
  tables: ['break_glass_reviews'],
});
