import { csvOf, dollars } from '../reports/index.ts';
import type { Dashboard } from './dashboard.schemas.ts';

/** The dashboard as CSV: one row per figure (section, figure, value), what a spreadsheet or a board pack wants. */
export function dashboardCsv(d: Dashboard): string {
  const rows: (string | number | null)[][] = [];
  const add = (section: string, figure: string, value: string | number | null) => rows.push([section, figure, value]);
  add('dashboard', 'date', d.date);
  add('dashboard', 'location_id', d.locationId ?? 'all');
  if (d.today) for (const [k, v] of Object.entries(d.today)) add('today', k, v);
  if (d.utilization) {
    for (const p of d.utilization.providers) {
      add('utilization', `${p.name} booked_minutes`, p.bookedMinutes);
      add('utilization', `${p.name} working_minutes`, p.workingMinutes);
      add('utilization', `${p.name} percent`, p.percent);
    }
  }
  if (d.noShowTrend) for (const w of d.noShowTrend) add('no_show_rate', w.weekStart, w.rate);
  if (d.tasks) for (const [k, v] of Object.entries(d.tasks)) add('tasks', k, v);
  if (d.onCall) add('on_call', 'now', d.onCall.now.map((o) => o.name).join('; '));
  if (d.staffing) for (const [k, v] of Object.entries(d.staffing)) add('staffing', k, v);
  if (d.credentials) for (const [k, v] of Object.entries(d.credentials)) add('credentials', k, v);
  if (d.training) for (const [k, v] of Object.entries(d.training)) add('training', k, v);
  if (d.hiring) for (const [k, v] of Object.entries(d.hiring)) add('hiring', k, v);
  if (d.equipment) add('equipment', 'out_of_service', d.equipment.outOfService);
  if (d.finance) {
    add('finance', 'days_in_ar', d.finance.daysInAr);
    add('finance', 'total_ar', dollars(d.finance.totalArCents));
    add('finance', 'collected_30_days', dollars(d.finance.collectedCents));
    add('finance', 'denial_rate_percent', d.finance.denialRate);
  }
  return csvOf(['section', 'figure', 'value'], rows);
}
