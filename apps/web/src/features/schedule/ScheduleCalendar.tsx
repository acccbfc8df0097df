/**
 * The calendar grid (react-big-calendar): day by provider, day by room, or one provider's
 * week. Works in wall dates (zoned-time.ts) so times are the location's. Empty time is
 * selectable (book), events drag to reschedule, Tab/arrow keys move between events and
 * Enter opens one. A busy block (a restricted patient's visit the user may not open) shows
 * the slot taken and nothing else: grey, "Busy", not opened, not dragged.
 */
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import dayjs from 'dayjs';
import { type KeyboardEvent, useMemo } from 'react';
import { Calendar, dayjsLocalizer, type SlotInfo } from 'react-big-calendar';
import dragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { type Appointment, type AppointmentType, type Provider, providerName, type Room } from './schedule-api.ts';
import { toWall } from './zoned-time.ts';

export type CalendarMode = 'providers' | 'rooms' | 'week';

export interface CalEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: Appointment;
}

interface CalResource {
  id: string;
  title: string;
}

const localizer = dayjsLocalizer(dayjs);
// The addon is CommonJS: depending on the bundler's interop the default import is the function or its module object.
const withDragAndDrop: typeof dragAndDrop =
  typeof dragAndDrop === 'function' ? dragAndDrop : (dragAndDrop as unknown as { default: typeof dragAndDrop }).default;
const DnDCalendar = withDragAndDrop<CalEvent, CalResource>(Calendar);
const UNASSIGNED = 'unassigned';
const DAY_START_HOUR = 7;
const DAY_END_HOUR = 19;
const MOVABLE = new Set(['scheduled', 'confirmed']);
const BUSY_COLOR = '#868e96';
const BUSY_HINT = "A restricted patient's visit: only the patient's care team sees the details";

export interface ScheduleCalendarProps {
  mode: CalendarMode;
  date: Date;
  zone: string;
  appointments: Appointment[];
  types: AppointmentType[];
  providers: Provider[];
  rooms: Room[];
  onNavigate(date: Date): void;
  onSelectSlot(slot: { start: Date; resourceId: string | null }): void;
  onOpen(appointment: Appointment): void;
  onMove(appointment: Appointment, start: Date, resourceId: string | null): void;
}

/** The event's text; the id lets tests and tools find a visit on the grid. */
function EventLabel({ event }: { event: CalEvent }) {
  return (
    <span
      data-appointment-id={event.id}
      data-busy={event.appointment.busy || undefined}
      title={event.appointment.busy ? BUSY_HINT : undefined}
    >
      {event.title}
    </span>
  );
}

/** Arrow keys walk the events in reading order; Tab does the same natively. */
function moveFocus(e: KeyboardEvent<HTMLDivElement>) {
  const keys: Record<string, number> = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 };
  const step = keys[e.key];
  const active = document.activeElement;
  if (!step || !(active instanceof HTMLElement) || !active.classList.contains('rbc-event')) return;
  const events = [...e.currentTarget.querySelectorAll<HTMLElement>('.rbc-event')];
  const next = events[events.indexOf(active) + step];
  if (next) {
    e.preventDefault();
    next.focus();
  }
}

export function ScheduleCalendar(props: ScheduleCalendarProps) {
  const { mode, zone, types } = props;
  const colors = useMemo(() => new Map(types.map((t) => [t.id, t.color])), [types]);
  const resources: CalResource[] | undefined = useMemo(() => {
    if (mode === 'providers') return props.providers.map((p) => ({ id: p.id, title: providerName(p) }));
    if (mode === 'rooms') return [...props.rooms.map((r) => ({ id: r.id, title: r.name })), { id: UNASSIGNED, title: 'No room' }];
    return undefined;
  }, [mode, props.providers, props.rooms]);
  const events: CalEvent[] = useMemo(
    () =>
      props.appointments.map((a) => ({
        id: a.id,
        title: a.busy ? a.appointmentTypeName : `${a.patientName} · ${a.appointmentTypeName}`,
        start: toWall(a.start, zone),
        end: toWall(a.end, zone),
        resourceId: mode === 'rooms' ? (a.roomId ?? a.reservedRoomId ?? UNASSIGNED) : a.providerId,
        appointment: a,
      })),
    [props.appointments, zone, mode],
  );

  // 07:00-19:00, widened to show early or evening visits, with an hour to spare after the
  // last one, so an evening visit can still be dragged later.
  const [min, max] = useMemo(() => {
    const first = Math.min(DAY_START_HOUR, ...events.map((e) => e.start.getHours()));
    const last = Math.max(DAY_END_HOUR, ...events.map((e) => e.end.getHours() + (e.end.getMinutes() ? 1 : 0) + 1));
    return [new Date(1970, 0, 1, first, 0), new Date(1970, 0, 1, Math.min(last, 23), last >= 24 ? 59 : 0)];
  }, [events]);

  const drop = ({ event, start, resourceId }: EventInteractionArgs<CalEvent>) => {
    // Only provider columns mean something to move between; a room column is not a booking target.
    const target = mode === 'providers' && typeof resourceId === 'string' ? resourceId : null;
    props.onMove(event.appointment, new Date(start), target);
  };
  const select = (slot: SlotInfo) => {
    const resourceId = typeof slot.resourceId === 'string' && slot.resourceId !== UNASSIGNED ? slot.resourceId : null;
    props.onSelectSlot({ start: slot.start, resourceId });
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a keyboard helper around the grid; the events themselves are focusable
    <div className="schedule-calendar" onKeyDown={moveFocus} data-testid="schedule-calendar">
      <DnDCalendar
        localizer={localizer}
        events={events}
        resources={resources}
        resourceIdAccessor="id"
        resourceTitleAccessor="title"
        view={mode === 'week' ? 'week' : 'day'}
        views={['day', 'week']}
        onView={() => undefined}
        date={props.date}
        onNavigate={props.onNavigate}
        toolbar={false}
        step={10}
        timeslots={3}
        min={min}
        max={max}
        components={{ event: EventLabel }}
        selectable
        onSelectSlot={select}
        onSelectEvent={(e) => {
          if (!e.appointment.busy) props.onOpen(e.appointment);
        }}
        onKeyPressEvent={(e, k) => {
          if ((k as unknown as KeyboardEvent).key === 'Enter' && !e.appointment.busy) props.onOpen(e.appointment);
        }}
        draggableAccessor={(e) => !e.appointment.busy && MOVABLE.has(e.appointment.status)}
        resizable={false}
        onEventDrop={drop}
        eventPropGetter={(e) => ({
          className: `status-${e.appointment.status}${e.appointment.busy ? ' busy-block' : ''}`,
          style: {
            backgroundColor: e.appointment.busy
              ? BUSY_COLOR
              : ((e.appointment.appointmentTypeId && colors.get(e.appointment.appointmentTypeId)) ?? '#228be6'),
            borderColor: '#fff',
          },
        })}
        style={{ height: 'calc(100vh - 240px)', minHeight: 520 }}
      />
    </div>
  );
}
