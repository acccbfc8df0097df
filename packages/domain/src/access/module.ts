import { defineModule } from '../module-manifest.ts';
import { accessAuditEvents } from './access.audit.ts';

/** Roles, permissions and object-level access to patient records. Owns no tables: it reads through the modules that do. */
export const accessModule = defineModule({
  name: 'access',
  tables: [],
  audit: accessAuditEvents,
});
