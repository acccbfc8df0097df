import { defineModule } from '../module-manifest.ts';
import { rotaAuditEvents } from './rota.audit.ts';
import { seedRotaDemo } from './seed-rota-demo.ts';

/** The rota of each location: shifts, swaps, coverage rules and gaps, time off, on call, handovers. */
export const rotaModule = defineModule({
  name: 'rota',
  tables: ['shift_templates', 'shifts', 'shift_swaps', 'coverage_rules', 'time_off', 'on_call_shifts', 'on_call_ical_tokens', 'handovers'],
  demo: seedRotaDemo,
  audit: rotaAuditEvents,
});
