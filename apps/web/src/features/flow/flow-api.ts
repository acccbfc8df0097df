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
