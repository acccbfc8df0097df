/** Schedule actions shared by the screens: moving a visit with immediate feedback, and undoing the move. */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createElement } from 'react';
import { api } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { UndoMove } from './UndoMove.tsx';
import { scheduleKeys } from './query-keys.ts';
import type { Appointment, LocationClock } from './schedule-api.ts';
import { clockDateTime, toWall, wallLocal } from './zoned-time.ts';

/** How long a move can be undone from its notification. */
export const UNDO_MS = 8_000;

export interface MoveTarget {
  /** A wall date (the location's clock) or an instant from the availability search. */
  start: Date | string;
  providerId: string | null;
  /** Why the visit moves (asked when it changes provider or day). */
  note?: string;
}

/** The instant a wall date (the location's clock) stands for. */
export function wallToInstant(wall: Date, zone: string): Date {
  // The offset of that wall time: the wall date read back through the zone, corrected once (DST edges).
  const guess = new Date(wall.getTime() - (toWall(wall, zone).getTime() - wall.getTime()));
  const back = toWall(guess, zone).getTime() - wall.getTime();
  return back === 0 ? guess : new Date(guess.getTime() - back);
}

/**
 * Move a visit: it moves on screen at once and the server decides (If-Match: the version the
 * screen shows, so a visit changed meanwhile is not moved); a refusal puts it back and says
 * why. A move that went through says so with an "Undo" for UNDO_MS, which moves it back
 * from the version the move answered. Answers the moved visit, or null.
 */
export function useMoveAppointment(clock: LocationClock | null) {
  const queryClient = useQueryClient();
  const refresh = () =>
    // The old time is open again and the new one taken; today's board may gain or lose the visit.
    Promise.all(
      [scheduleKeys.appointmentLists(), scheduleKeys.availabilitySearches(), flowKeys.boards()].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );

  const send = async (a: Appointment, target: MoveTarget, opts: { undo: boolean }): Promise<Appointment | null> => {
    if (!clock) return null;
    const start = typeof target.start === 'string' ? new Date(target.start) : wallToInstant(target.start, clock.zone);
    const end = new Date(start.getTime() + Date.parse(a.end) - Date.parse(a.start));
    const before = queryClient.getQueriesData<Appointment[]>({ queryKey: scheduleKeys.appointmentLists() });
    // The calendar's lists are arrays; other appointment reads under the same prefix (collisions) are refreshed after.
    queryClient.setQueriesData<Appointment[]>({ queryKey: scheduleKeys.appointmentLists() }, (list) =>
      !Array.isArray(list)
        ? list
        : list.map((x) =>
            x.id === a.id ? { ...x, start: start.toISOString(), end: end.toISOString(), providerId: target.providerId ?? x.providerId } : x,
          ),
    );
    const { data, error, response } = await api.POST('/api/appointments/{id}/reschedule', {
      params: { path: { id: a.id } },
      headers: { 'if-match': `"${a.version}"` },
      body: {
        start: typeof target.start === 'string' ? target.start : wallLocal(target.start),
        ...(target.providerId && target.providerId !== a.providerId ? { providerId: target.providerId } : {}),
        ...(target.note ? { note: target.note } : {}),
      },
    });
    if (!data) {
      for (const [key, value] of before) queryClient.setQueryData(key, value);
      const problem = toProblem(error, response.status);
      const why =
        problem.code === 'SLOT_TAKEN'
          ? 'That time is taken'
          : problem.code === 'VERSION_MISMATCH'
            ? 'The visit was changed by someone else'
            : opts.undo
              ? 'Not moved back'
              : 'Not moved';
      notifications.show({
        color: 'red',
        title: why,
        message: `${a.patientName} stays at ${clockDateTime(a.start, clock.zone, clock.hour12)}. ${
          problem.code === 'SLOT_TAKEN' || problem.code === 'VERSION_MISMATCH' ? '' : problem.detail
        }`.trim(),
      });
      await refresh();
      return null;
    }
    await refresh();
    return data;
  };

  return async (a: Appointment, target: MoveTarget): Promise<Appointment | null> => {
    if (!clock) return null;
    const moved = await send(a, target, { undo: false });
    if (!moved) return null;
    const id = notifications.show({
      color: 'green',
      autoClose: UNDO_MS,
      message: createElement(UndoMove, {
        text: `${a.patientName} moved to ${clockDateTime(moved.start, clock.zone, clock.hour12)}`,
        onUndo: async () => {
          notifications.hide(id);
          const back = await send(moved, { start: a.start, providerId: a.providerId }, { undo: true });
          if (back) {
            notifications.show({ message: `${a.patientName} is back at ${clockDateTime(back.start, clock.zone, clock.hour12)}` });
          }
        },
      }),
    });
    return moved;
  };
}
