/** Types of the staff and rota API, from the generated schema, the words the screens show, and shared reads. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { staffKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer B } } ? B : never;

export type StaffMember = Json<paths['/api/staff']['get']['responses'][200]>['items'][number];
export type Shift = Json<paths['/api/shifts']['get']['responses'][200]>['items'][number];
export type ShiftTemplate = Json<paths['/api/shift-templates']['get']['responses'][200]>['items'][number];
export type CoverageGap = Json<paths['/api/coverage-gaps']['get']['responses'][200]>['items'][number];
export type Swap = Json<paths['/api/swap-requests']['get']['responses'][200]>['items'][number];
export type TimeOff = Json<paths['/api/time-off/{id}']['get']['responses'][200]>;
export type TimeOffItem = Json<paths['/api/time-off']['get']['responses'][200]>['items'][number];
export type OnCallShift = Json<paths['/api/on-call-shifts']['get']['responses'][200]>['items'][number];
export type OnCallNow = Json<paths['/api/on-call/now']['get']['responses'][200]>;
export type Handover = Json<paths['/api/handovers']['get']['responses'][200]>['items'][number];
export type Duty = Shift['duty'];

export const DUTY_LABELS: Record<Duty, string> = {
  provider: 'Provider session',
  nurse: 'Nurse',
  medical_assistant: 'Medical assistant',
  front_desk: 'Front desk',
  office_manager: 'Office manager',
  biller: 'Billing',
};
export const DUTY_OPTIONS = Object.entries(DUTY_LABELS).map(([value, label]) => ({ value, label }));

export const TIME_OFF_COLORS: Record<TimeOffItem['status'], string> = {
  pending: 'yellow',
  approved: 'green',
  denied: 'red',
  cancelled: 'gray',
};

/** The practice's active staff as select options (the directory, first 200 by name). */
export function useStaffOptions(): { value: string; label: string }[] {
  const staff = useQuery({
    queryKey: staffKeys.options(),
    queryFn: () => unwrap(api.GET('/api/staff', { params: { query: { limit: 200 } } })),
    staleTime: 60_000,
  });
  return (staff.data?.items ?? []).map((s) => ({ value: s.userId, label: s.jobTitle ? `${s.name} (${s.jobTitle})` : s.name }));
}

/** The ISO Monday of the week holding `day` (YYYY-MM-DD). */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

export function dayLabel(day: string): string {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString('en-US', { weekday: 'short', month: 'short', day: 'numeric', timeZone: 'UTC' });
}
