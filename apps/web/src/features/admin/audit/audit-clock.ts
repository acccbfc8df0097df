/**
 * The audit screens read times on the clinic's clock, as the schedule does: the selected
 * location's IANA zone, whatever the browser's. The From/To filters are typed on that clock
 * too and sent as instants. Only while the locations load (or none is chosen and there are
 * several) does the browser's zone stand in, and the screen says so.
 */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client.ts';
import { useSelectedLocation } from '../../../app/use-selected-location.ts';
import { locationKeys } from '../locations/query-keys.ts';

export interface AuditClock {
  zone: string;
  /** Says which clock the times are on ("America/Denver, the clock of West"). */
  label: string;
}

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export { dateTimeIn, instantOfWall, timeIn } from './zone-format.ts';

export function useAuditClock(): AuditClock {
  const selected = useSelectedLocation();
  const locations = useQuery({ queryKey: locationKeys.active(), queryFn: () => unwrap(api.GET('/api/locations')) });
  const items = locations.data?.items ?? [];
  const location = items.find((l) => l.id === selected) ?? (items.length === 1 ? items[0] : undefined);
  if (location) return { zone: location.timeZone, label: `${location.timeZone}, the clock of ${location.name}` };
  const zone = browserZone();
  return { zone, label: `${zone}, this browser's clock (no location chosen)` };
}
