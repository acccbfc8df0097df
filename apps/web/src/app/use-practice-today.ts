/**
 * Today at the selected location, on its clock (its IANA zone): the day the server checks dates
 * against (a bill's invoice date, a payment's day, the day being closed). In the evening in
 * America the browser's UTC-based date can already be tomorrow. Null until the locations load.
 */
import { useLocationZone } from '../features/schedule/schedule-api.ts';
import { todayIn, wallDay } from '../features/schedule/zoned-time.ts';
import { useSelectedLocation } from './use-selected-location.ts';

export function browserToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function usePracticeToday(): string | null {
  const zone = useLocationZone(useSelectedLocation());
  return zone ? wallDay(todayIn(zone)) : null;
}
