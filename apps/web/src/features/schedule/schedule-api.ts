/** Types and queries of the schedule screens, from the generated OpenAPI types. */
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { locationKeys } from '../admin/locations/query-keys.ts';
import { scheduleKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type Appointment = Json<paths['/api/appointments']['get']['responses'][200]>['items'][number];
export type AppointmentType = Json<paths['/api/appointment-types']['get']['responses'][200]>['items'][number];
export type Provider = Json<paths['/api/providers']['get']['responses'][200]>['items'][number];
export type Room = Json<paths['/api/rooms']['get']['responses'][200]>['items'][number];
export type Slot = Json<paths['/api/availability']['get']['responses'][200]>['items'][number];
export type Template = Json<paths['/api/availability-templates']['get']['responses'][200]>['items'][number];
export type AvailabilityException = Json<paths['/api/availability-exceptions']['get']['responses'][200]>['items'][number];
export type ExceptionCreated = Json<paths['/api/availability-exceptions']['post']['responses'][201]>;
export type BookInput = Json<paths['/api/appointments']['post']['requestBody']>;

export const providerName = (p: Provider) => `${p.givenName} ${p.familyName}${p.credentials ? `, ${p.credentials}` : ''}`;

export function useLocations() {
  return useQuery({ queryKey: locationKeys.active(), queryFn: () => unwrap(api.GET('/api/locations')) });
}

/** How a location shows times: its zone, and 12-hour clock ("1:40 PM") or 24-hour ("13:40"). */
export interface LocationClock {
  zone: string;
  hour12: boolean;
}

/**
 * The location's clock (null while loading). One time format per location, used by the grid,
 * next available and every dialog: 12-hour at a US location (one with a US state), 24-hour elsewhere.
 */
export function useLocationClock(locationId: string | null): LocationClock | null {
  const locations = useLocations();
  const l = locations.data?.items.find((x) => x.id === locationId);
  return l ? { zone: l.timeZone, hour12: l.state !== null } : null;
}

/** Every location's clock by id (empty while loading): lists that span locations (waiting list, offers). */
export function useLocationClocks(): Map<string, LocationClock> {
  const locations = useLocations();
  return new Map((locations.data?.items ?? []).map((l) => [l.id, { zone: l.timeZone, hour12: l.state !== null }]));
}

/** The location's IANA zone (null while loading). */
export function useLocationZone(locationId: string | null): string | null {
  const locations = useLocations();
  return locations.data?.items.find((l) => l.id === locationId)?.timeZone ?? null;
}

export function useProviders() {
  return useQuery({ queryKey: scheduleKeys.providers(), queryFn: () => unwrap(api.GET('/api/providers')), select: (d) => d.items });
}

export function useRooms(locationId: string | null) {
  return useQuery({
    queryKey: scheduleKeys.rooms(locationId),
    enabled: locationId !== null,
    queryFn: () => unwrap(api.GET('/api/rooms', { params: { query: { locationId: locationId ?? undefined } } })),
    select: (d) => d.items,
  });
}

export function useAppointmentTypes() {
  return useQuery({
    queryKey: scheduleKeys.appointmentTypes(),
    queryFn: () => unwrap(api.GET('/api/appointment-types')),
    select: (d) => d.items,
  });
}

export function useTemplates(locationId: string | null) {
  return useQuery({
    queryKey: scheduleKeys.templateList(locationId),
    enabled: locationId !== null,
    queryFn: () => unwrap(api.GET('/api/availability-templates', { params: { query: { locationId: locationId ?? undefined } } })),
    select: (d) => d.items,
  });
}

/** Providers who work at the location (a weekly block there), falling back to everyone. */
export function useLocationProviders(locationId: string | null): Provider[] {
  const providers = useProviders();
  const templates = useTemplates(locationId);
  const all = providers.data ?? [];
  const here = new Set((templates.data ?? []).map((t) => t.providerId));
  const working = all.filter((p) => here.has(p.id));
  return working.length ? working : all;
}

/** Time off, holidays, blocked time and extra hours touching [from, to] (dates) at the location: the calendar's shading. */
export function useExceptionWindow(locationId: string | null, from: string, to: string) {
  return useQuery({
    queryKey: scheduleKeys.exceptionWindow(locationId, from, to),
    enabled: locationId !== null,
    queryFn: () =>
      unwrap(api.GET('/api/availability-exceptions', { params: { query: { locationId: locationId ?? undefined, from, to } } })),
    select: (d) => d.items,
  });
}

/** Every appointment starting in [from, to) at the location, all pages. */
/**
 * The visits at a location between two instants, every page of them. `status` narrows them to one
 * status (the server filters; `scheduled`: nobody confirmed them yet); `maxItems` stops paging early
 * for a tile that shows a count and a few rows.
 */
export function useAppointments(
  locationId: string | null,
  from: Date,
  to: Date,
  options: { status?: 'scheduled'; maxItems?: number } = {},
) {
  const { status, maxItems = Number.POSITIVE_INFINITY } = options;
  return useQuery({
    queryKey: [...scheduleKeys.appointmentList(locationId, from.toISOString(), to.toISOString()), ...(status ? [status] : [])],
    enabled: locationId !== null,
    queryFn: async () => {
      const items: Appointment[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(
          api.GET('/api/appointments', {
            params: {
              query: { from: from.toISOString(), to: to.toISOString(), locationId: locationId ?? undefined, status, limit: 200, cursor },
            },
          }),
        );
        items.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor && items.length < maxItems);
      return items.filter((a) => a.status !== 'rescheduled');
    },
  });
}
