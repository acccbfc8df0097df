/** Date navigation, view choice, print and set-up: plain buttons, all reachable with Tab. */
import { Button, Group, SegmentedControl, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPrinter, IconSettings } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { CalendarMode } from './ScheduleCalendar.tsx';
import { type Provider, providerName } from './schedule-api.ts';

export function ScheduleToolbar(props: {
  label: string;
  mode: CalendarMode;
  onMode(mode: CalendarMode): void;
  onStep(days: number | 'today'): void;
  providers: Provider[];
  weekProviderId: string | null;
  onWeekProvider(id: string | null): void;
  printHref: string;
  canManage: boolean;
}) {
  const step = props.mode === 'week' ? 7 : 1;
  return (
    <Group justify="space-between" wrap="wrap" gap="xs">
      <Group gap="xs">
        <Button variant="default" onClick={() => props.onStep('today')}>
          Today
        </Button>
        <Button variant="default" aria-label="Previous" onClick={() => props.onStep(-step)}>
          <IconChevronLeft size={16} />
        </Button>
        <Button variant="default" aria-label="Next" onClick={() => props.onStep(step)}>
          <IconChevronRight size={16} />
        </Button>
        <Text fw={600} data-testid="schedule-date">
          {props.label}
        </Text>
      </Group>
      <Group gap="xs">
        <SegmentedControl
          aria-label="View"
          value={props.mode}
          onChange={(v) => props.onMode(v as CalendarMode)}
          data={[
            { value: 'providers', label: 'Day: providers' },
            { value: 'rooms', label: 'Day: rooms' },
            { value: 'week', label: 'Week' },
          ]}
        />
        {props.mode === 'week' && (
          <Select
            aria-label="Provider"
            data={props.providers.map((p) => ({ value: p.id, label: providerName(p) }))}
            value={props.weekProviderId}
            onChange={props.onWeekProvider}
            allowDeselect={false}
            w={220}
          />
        )}
        <Button
          component="a"
          href={props.printHref}
          target="_blank"
          rel="noopener"
          variant="default"
          leftSection={<IconPrinter size={16} />}
        >
          Print
        </Button>
        {props.canManage && (
          <Button component={Link} to="/schedule/setup" variant="subtle" leftSection={<IconSettings size={16} />}>
            Set-up
          </Button>
        )}
      </Group>
    </Group>
  );
}
