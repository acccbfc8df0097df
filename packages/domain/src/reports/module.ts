import { defineModule } from '../module-manifest.ts';

/**
 * Finance reports: A/R aging, days in A/R, collections and adjustments, payments by method, the
 * trial balance and the general-ledger journal export. Owns no tables: it computes from the
 * ledger's and the accounts' read functions, each report a few set-based statements under the
 * report statement timeout. Listed after the modules it reads.
 */
export const reportsModule = defineModule({
  name: 'reports',
  tables: [],
});
