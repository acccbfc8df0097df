/**
 * The calendar grid (react-big-calendar): day by provider, day by room, or one provider's
 * week. Works in wall dates (zoned-time.ts) so times are the location's, written in its one
 * format (12-hour at US locations). The background shades time off, blocked time (lunch) and
 * the hours nobody works; a visit's status shows in text and style (legend below the grid).
 * Empty time is selectable (book), events drag to reschedule, Tab/arrow keys move between
 * events and Enter opens one. A busy block (a restricted patient's visit the user may not
 * open) shows the slot taken and nothing else: grey, "Busy", not opened, not dragged. In the
 * rooms view, visits overlapping in one room are one block listing them ("+N more").
 */
import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import './schedule.css';
import dayjs from 'dayjs';
import { type KeyboardEvent, useEffect, useMemo, useRef } from 'react';
import { Calendar, dayjsLocalizer, type Formats, type SlotInfo } from 'react-big-calendar';
import dragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import { dayOff, shadeAt } from './calendar-shading.ts';
import {
  type Appointment,
  type AppointmentType,
  type AvailabilityException,
  type LocationClock,
  type Provider,
  providerName,
  type Room,
  type Template,
} from './schedule-api.ts';
import { LEGEND, STATUS_MARKS, STATUS_WORDS } from './status-style.ts';
import { toWall, wallTime } from './zoned-time.ts';

export type CalendarMode = 'providers' | 'rooms' | 'week';

export interface CalEvent {
  id: string;
  title: string;
  start: Date;
  end: Date;
  resourceId: string;
  appointment: Appointment;
  /** Rooms view: the visits overlapping in this room (two or more), shown as one block. */
  stack?: Appointment[];
}

interface CalResource {
  id: string;
  title: string;
  off?: string;
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
/** How many visits of a room stack are named before "+N more". */
const STACK_NAMED = 2;

export interface ScheduleCalendarProps {
  mode: CalendarMode;
  date: Date;
  clock: LocationClock;
  locationId: string;
  appointments: Appointment[];
  types: AppointmentType[];
  providers: Provider[];
  rooms: Room[];
  templates: Template[];
  exceptions: AvailabilityException[];
  /** The provider whose week is shown (week mode). */
  weekProviderId: string | null;
  onNavigate(date: Date): void;
  onSelectSlot(slot: { start: Date; resourceId: string | null }): void;
  onOpen(appointment: Appointment): void;
  onOpenStack(visits: Appointment[]): void;
  onMove(appointment: Appointment, start: Date, resourceId: string | null): void;
}

function label(a: Appointment): string {
  if (a.busy) return a.appointmentTypeName;
  const word = STATUS_WORDS[a.status];
  const mark = STATUS_MARKS[a.status];
  return `${mark ? `${mark} ` : ''}${word ? `${word}: ` : ''}${a.patientName} · ${a.appointmentTypeName}`;
}

/** The event's text; the id lets tests and tools find a visit on the grid. */
function EventLabel({ event }: { event: CalEvent }) {
  if (event.stack) {
    const named = event.stack.slice(0, STACK_NAMED);
    const more = event.stack.length - named.length;
    return (
      <span className="stack-label" data-stack-ids={event.stack.map((a) => a.id).join(' ')}>
        <strong>{event.stack.length} visits</strong>
        {named.map((a) => (
          <span key={a.id} className="stack-line" data-appointment-id={a.id}>
            {label(a)}
          </span>
        ))}
        {more > 0 && <span className="stack-line">+{more} more</span>}
      </span>
    );
  }
  return (
    <span
      data-appointment-id={event.id}
      data-status={event.appointment.status}
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

/**
 * react-big-calendar marks parts of its time grid as table rows and headers without the
 * table around them (axe: aria-required-parent/children), and its scrolling body cannot be
 * reached from the keyboard. The grid is a set of buttons on a time background, not a data
 * table: drop those roles (as they are rendered, it re-renders freely) and label the body.
 */
function useGridSemantics(ref: React.RefObject<HTMLDivElement | null>, label: string) {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const fix = () => {
      for (const el of root.querySelectorAll('[role="row"], [role="rowgroup"], [role="cell"], [role="columnheader"], [role="table"]')) {
        el.removeAttribute('role');
        el.removeAttribute('aria-sort');
      }
      const body = root.querySelector<HTMLElement>('.rbc-time-content');
      if (body && body.getAttribute('aria-label') !== label) {
        body.tabIndex = 0;
        body.setAttribute('role', 'region');
        body.setAttribute('aria-label', label);
      }
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(root, { subtree: true, childList: true, attributes: true, attributeFilter: ['role'] });
    return () => observer.disconnect();
  }, [ref, label]);
}

/** Visits overlapping in one room become one block (rooms view). */
function stackRooms(events: CalEvent[]): CalEvent[] {
  const byRoom = new Map<string, CalEvent[]>();
  for (const e of events) byRoom.set(e.resourceId, [...(byRoom.get(e.resourceId) ?? []), e]);
  const out: CalEvent[] = [];
  for (const list of byRoom.values()) {
    list.sort((x, y) => x.start.getTime() - y.start.getTime());
    let group: CalEvent[] = [];
    let end = 0;
    const flush = () => {
      const [first] = group;
      if (!first) return;
      if (group.length === 1) out.push(first);
      else
        out.push({
          ...first,
          id: `stack-${first.id}`,
          title: `${group.length} visits`,
          end: new Date(Math.max(...group.map((g) => g.end.getTime()))),
          stack: group.map((g) => g.appointment),
        });
      group = [];
    };
    for (const e of list) {
      if (group.length && e.start.getTime() >= end) flush();
      if (!group.length) end = 0;
      group.push(e);
      end = Math.max(end, e.end.getTime());
    }
    flush();
  }
  return out;
}

/** Finished and cancelled visits are pale with dark text (contrast kept), their type's colour as a side bar. */
const PALE = new Set(['checked_out', 'cancelled', 'no_show']);

function eventStyle(e: CalEvent, colors: Map<string, string>): React.CSSProperties {
  if (e.stack) return { backgroundColor: '#495057', borderColor: '#fff' };
  const a = e.appointment;
  if (a.busy) return { backgroundColor: BUSY_COLOR, borderColor: '#fff', color: '#000' };
  const color = (a.appointmentTypeId && colors.get(a.appointmentTypeId)) ?? '#228be6';
  if (PALE.has(a.status))
    return {
      backgroundColor: a.status === 'checked_out' ? '#e9ecef' : '#fff',
      color: '#212529',
      border: `1px ${a.status === 'cancelled' ? 'dashed' : 'solid'} #868e96`,
      borderLeft: `6px solid ${color}`,
    };
  return { backgroundColor: color, borderColor: '#fff', color: readableOn(color) };
}

/** White or black text, whichever reads better on a type's colour (WCAG contrast of at least 4.5 with white, else black). */
export function readableOn(hex: string): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return '#fff';
  const lin = (c: string) => {
    const v = Number.parseInt(c, 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * lin(m[1] as string) + 0.7152 * lin(m[2] as string) + 0.0722 * lin(m[3] as string);
  return 1.05 / (l + 0.05) >= 4.5 ? '#fff' : '#000';
}

export function ScheduleCalendar(props: ScheduleCalendarProps) {
  const { mode, clock, types, locationId } = props;
  const { zone, hour12 } = clock;
  const root = useRef<HTMLDivElement>(null);
  useGridSemantics(root, mode === 'rooms' ? 'Visits by room' : mode === 'week' ? 'Visits this week' : 'Visits by provider');
  const colors = useMemo(() => new Map(types.map((t) => [t.id, t.color])), [types]);
  const resources: CalResource[] | undefined = useMemo(() => {
    if (mode === 'providers')
      return props.providers.map((p) => {
        const off = dayOff(props.date, p.id, locationId, props.exceptions);
        return { id: p.id, title: providerName(p), off: off ? off.reason || (off.kind === 'holiday' ? 'Holiday' : 'Time off') : undefined };
      });
    if (mode === 'rooms') return [...props.rooms.map((r) => ({ id: r.id, title: r.name })), { id: UNASSIGNED, title: 'No room' }];
    return undefined;
  }, [mode, props.providers, props.rooms, props.date, props.exceptions, locationId]);
  const events: CalEvent[] = useMemo(() => {
    const all = props.appointments.map((a) => ({
      id: a.id,
      title: label(a),
      start: toWall(a.start, zone),
      end: toWall(a.end, zone),
      resourceId: mode === 'rooms' ? (a.roomId ?? a.reservedRoomId ?? UNASSIGNED) : a.providerId,
      appointment: a,
    }));
    return mode === 'rooms' ? stackRooms(all.filter((e) => e.appointment.status !== 'cancelled')) : all;
  }, [props.appointments, zone, mode]);

  const formats: Formats = useMemo(() => {
    const t = (d: Date) => wallTime(d, hour12);
    return {
      timeGutterFormat: (d: Date) => t(d),
      eventTimeRangeFormat: ({ start, end }: { start: Date; end: Date }) => `${t(start)} – ${t(end)}`,
      selectRangeFormat: ({ start, end }: { start: Date; end: Date }) => `${t(start)} – ${t(end)}`,
      dayFormat: (d: Date) => d.toLocaleDateString('en-US', { weekday: 'short', month: 'numeric', day: 'numeric' }),
    };
  }, [hour12]);

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
  const open = (e: CalEvent) => {
    if (e.stack) props.onOpenStack(e.stack);
    else if (!e.appointment.busy) props.onOpen(e.appointment);
  };
  const slotShade = (date: Date, resourceId?: string | number) => {
    const providerId =
      mode === 'providers' ? (typeof resourceId === 'string' ? resourceId : null) : mode === 'week' ? props.weekProviderId : null;
    const shade = shadeAt(date, providerId, locationId, props.templates, props.exceptions);
    return shade ? { className: `slot-${shade}` } : {};
  };

  return (
    <div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a keyboard helper around the grid; the events themselves are focusable */}
      <div className="schedule-calendar" onKeyDown={moveFocus} data-testid="schedule-calendar" ref={root}>
        <DnDCalendar
          localizer={localizer}
          formats={formats}
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
          components={{
            event: EventLabel,
            resourceHeader: ({ resource }: { resource: CalResource }) => (
              <span>
                {resource.title}
                {resource.off && (
                  <span className="resource-off" data-testid="resource-off">
                    {' '}
                    · Off: {resource.off}
                  </span>
                )}
              </span>
            ),
          }}
          selectable
          onSelectSlot={select}
          onSelectEvent={open}
          onKeyPressEvent={(e, k) => {
            if ((k as unknown as KeyboardEvent).key === 'Enter') open(e);
          }}
          draggableAccessor={(e) => !e.stack && !e.appointment.busy && MOVABLE.has(e.appointment.status)}
          resizable={false}
          onEventDrop={drop}
          slotPropGetter={slotShade}
          eventPropGetter={(e) => ({
            className: e.stack ? 'room-stack' : `status-${e.appointment.status}${e.appointment.busy ? ' busy-block' : ''}`,
            style: eventStyle(e, colors),
          })}
          style={{ height: 'calc(100vh - 260px)', minHeight: 520 }}
        />
      </div>
      <ul className="schedule-legend" aria-label="Legend" data-testid="schedule-legend">
        {LEGEND.map((l) => (
          <li key={l.className}>
            <span className={`legend-swatch ${l.className}`} aria-hidden="true">
              {l.mark}
            </span>
            {l.text}
          </li>
        ))}
        <li>
          <span className="legend-swatch slot-closed" aria-hidden="true" />
          Not working
        </li>
        <li>
          <span className="legend-swatch slot-blocked" aria-hidden="true" />
          Blocked (lunch, meeting)
        </li>
        <li>
          <span className="legend-swatch slot-time-off" aria-hidden="true" />
          Time off, holiday
        </li>
      </ul>
    </div>
  );
}
