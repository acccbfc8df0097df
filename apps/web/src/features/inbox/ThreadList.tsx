/** Threads as a list of buttons (newest activity first), unread ones in bold with a dot. */
import { Badge, Group, NavLink, Text } from '@mantine/core';
import type { StaffThread } from './inbox-api.ts';
import { when } from './inbox-api.ts';

export function ThreadList(props: { items: StaffThread[]; selected: string | null; onSelect(id: string): void; label: string }) {
  return (
    <nav aria-label={props.label}>
      {props.items.map((t) => (
        <NavLink
          key={t.id}
          component="button"
          type="button"
          active={props.selected === t.id}
          onClick={() => props.onSelect(t.id)}
          data-testid="staff-thread"
          label={
            <Group gap={6} wrap="nowrap">
              {t.unread && <Badge size="xs" circle aria-label="Unread" />}
              <Text size="sm" fw={t.unread ? 700 : 400} lineClamp={1}>
                {t.subject}
              </Text>
            </Group>
          }
          description={[t.patientName, t.assignedToName ? `to ${t.assignedToName}` : 'unassigned', when(t.lastMessageAt)]
            .filter(Boolean)
            .join(' · ')}
        />
      ))}
    </nav>
  );
}
