/** Threads as a list of buttons (newest activity first), unread ones in bold with a dot. */
import { Badge, Group, NavLink, Stack, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
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
          // The open thread is marked by an arrow and aria-current rather than the active colours (their hover shade fails contrast on small text).
          aria-current={props.selected === t.id ? 'true' : undefined}
          leftSection={props.selected === t.id ? <IconChevronRight size={16} aria-hidden /> : <span style={{ width: 16 }} />}
          onClick={() => props.onSelect(t.id)}
          data-testid="staff-thread"
          label={
            <Stack gap={0}>
              <Group gap={6} wrap="nowrap">
                {t.unread && <Badge size="xs" circle aria-label="Unread" />}
                <Text size="sm" c="inherit" fw={t.unread ? 700 : 400} lineClamp={1}>
                  {t.subject}
                </Text>
              </Group>
              <Text size="xs" c="inherit">
                {[t.patientName, t.assignedToName ? `to ${t.assignedToName}` : 'unassigned', when(t.lastMessageAt)]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          }
        />
      ))}
    </nav>
  );
}
