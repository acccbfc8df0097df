/** The flow board's data: today's visits at a location, kept live by the server's event stream. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, unwrap } from '../../api/client.ts';
import type { paths } from '../../api/schema';
import { flowKeys } from './query-keys.ts';

type Json<T> = T extends { content: { 'application/json': infer J } } ? J : never;
export type FlowItem = Json<paths['/api/flow-board']['get']['responses'][200]>['items'][number];
export type FlowStatus = FlowItem['status'];

/** Waiting longer than this is highlighted. */
export const LONG_WAIT_MINUTES = 15;

export function useFlowBoard(locationId: string | null) {
  return useQuery({
    queryKey: flowKeys.board(locationId),
    enabled: locationId !== null,
    queryFn: () => unwrap(api.GET('/api/flow-board', { params: { query: { locationId: locationId ?? '' } } })),
  });
}

/**
 * Subscribes to `/api/flow-board/stream`: every change anyone makes at the location
 * (an `appointment` event) refetches the board; `ready` (also after a reconnect) resyncs.
 */
export function useFlowStream(locationId: string | null): boolean {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!locationId) return;
    const source = new EventSource(`/api/flow-board/stream?locationId=${encodeURIComponent(locationId)}`);
    const refetch = () => void queryClient.invalidateQueries({ queryKey: flowKeys.board(locationId) });
    source.addEventListener('ready', () => {
      setLive(true);
      refetch();
    });
    source.addEventListener('appointment', refetch);
    source.onerror = () => setLive(false);
    return () => {
      source.close();
      setLive(false);
    };
  }, [locationId, queryClient]);
  return live;
}

/** The current time, ticking every `ms`: waiting minutes grow without a refetch. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export function minutesWaiting(item: FlowItem, now: number): number | null {
  if (!item.arrivedAt || (item.status !== 'arrived' && item.status !== 'roomed')) return null;
  return Math.max(0, Math.floor((now - Date.parse(item.arrivedAt)) / 60_000));
}

/** Move a visit along; the board refreshes from the stream. */
export async function changeStatus(id: string, status: FlowStatus, roomId?: string) {
  return api.POST('/api/appointments/{id}/status', { params: { path: { id } }, body: { status, ...(roomId ? { roomId } : {}) } });
}

/** A visit is in its room from rooming until check-out. */
const IN_A_ROOM: readonly FlowStatus[] = ['roomed', 'with_provider'];

/** One room and who is in it now. `active`: offered for rooming (a room deactivated since keeps its patients on show). */
export interface RoomUse {
  id: string;
  name: string;
  active: boolean;
  occupants: FlowItem[];
}

/**
 * Who is in each room, from the board already loaded: the location's active rooms in their
 * order, then any other room a visit is still in. The live stream refetches the board, so this
 * follows every desk's changes.
 */
export function roomOccupancy(rooms: readonly { id: string; name: string }[], items: readonly FlowItem[]): RoomUse[] {
  const uses = new Map<string, RoomUse>(rooms.map((r) => [r.id, { id: r.id, name: r.name, active: true, occupants: [] }]));
  for (const item of items) {
    if (!item.roomId || !IN_A_ROOM.includes(item.status)) continue;
    let use = uses.get(item.roomId);
    if (!use) {
      use = { id: item.roomId, name: item.roomName ?? 'Room', active: false, occupants: [] };
      uses.set(item.roomId, use);
    }
    use.occupants.push(item);
  }
  return [...uses.values()];
}

/** The rooms to offer when rooming a patient: free ones first, then the least occupied (nothing is refused). */
export function roomChoices(uses: readonly RoomUse[]): RoomUse[] {
  return uses.filter((u) => u.active).sort((a, b) => a.occupants.length - b.occupants.length);
}

/** "Maria Lopez", "Maria Lopez and Ana Lopez", "A, B, and C". */
export function namesOf(items: readonly FlowItem[]): string {
  return new Intl.ListFormat('en', { type: 'conjunction' }).format(items.map((i) => i.patientName));
}

/** An option of the room picker: "Exam A — free", "Exam A — 1 patient (Maria Lopez)". */
export function roomChoiceLabel(use: RoomUse): string {
  const n = use.occupants.length;
  if (n === 0) return `${use.name} — free`;
  return `${use.name} — ${n} patient${n === 1 ? '' : 's'} (${use.occupants.map((o) => o.patientName).join(', ')})`;
}

/** Minutes since the patient arrived (the occupancy strip's "here N min"), or null before arrival. */
export function minutesHere(item: FlowItem, now: number): number | null {
  return item.arrivedAt ? Math.max(0, Math.floor((now - Date.parse(item.arrivedAt)) / 60_000)) : null;
}
