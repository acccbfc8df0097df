/** Schedule actions shared by the screens: moving a visit with immediate feedback. */
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client.ts';
import { toProblem } from '../../api/problem.ts';
import { flowKeys } from '../flow/query-keys.ts';
import { scheduleKeys } from './query-keys.ts';
import type { Appointment } from './schedule-api.ts';
import { clockTime, toWall, wallLocal } from './zoned-time.ts';

/**
 * Drag-to-reschedule: the visit moves on screen at once, the server decides; a 409 (the
 * time is taken) puts it back where it was and says so.
 */
export function useMoveAppointment(zone: string | null) {
  const queryClient = useQueryClient();
  return async (a: Appointment, wallStart: Date, providerId: string | null) => {
    if (!zone) return;
    const offset = Date.parse(a.start) - toWall(a.start, zone).getTime();
    const start = new Date(wallStart.getTime() + offset);
    const end = new Date(start.getTime() + Date.parse(a.end) - Date.parse(a.start));
    const before = queryClient.getQueriesData<Appointment[]>({ queryKey: scheduleKeys.appointmentLists() });
    queryClient.setQueriesData<Appointment[]>({ queryKey: scheduleKeys.appointmentLists() }, (list) =>
      list?.map((x) =>
        x.id === a.id ? { ...x, start: start.toISOString(), end: end.toISOString(), providerId: providerId ?? x.providerId } : x,
      ),
    );
    const { data, error, response } = await api.POST('/api/appointments/{id}/reschedule', {
      params: { path: { id: a.id } },
      body: { start: wallLocal(wallStart), ...(providerId && providerId !== a.providerId ? { providerId } : {}) },
    });
    if (!data) {
      for (const [key, value] of before) queryClient.setQueryData(key, value);
      const problem = toProblem(error, response.status);
      notifications.show({
        color: 'red',
        title: problem.code === 'SLOT_TAKEN' ? 'That time is taken' : 'Not moved',
        message: `${a.patientName} stays at ${clockTime(a.start, zone)}. ${problem.code === 'SLOT_TAKEN' ? '' : problem.detail}`.trim(),
      });
      return;
    }
    notifications.show({ color: 'green', message: `${a.patientName} moved to ${clockTime(data.start, zone)}` });
    // The old time is open again and the new one taken; today's board may gain or lose the visit.
    await Promise.all(
      [scheduleKeys.appointmentLists(), scheduleKeys.availabilitySearches(), flowKeys.boards()].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
  };
}
