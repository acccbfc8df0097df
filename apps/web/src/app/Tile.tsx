/**
 * One tile of a home page or dashboard: a titled card with a count, a short list and a link to
 * where the work is done. Each feature owns its tiles (features/<f>/*Tile.tsx); the home page
 * (features/home) picks them by role, and the manager's dashboard shares them.
 */
import { Alert, Anchor, Badge, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

export function Tile(props: {
  title: string;
  /** The number the tile is about; omitted while loading. */
  count?: number | undefined;
  /** The count is only the first page: shown as "200+". */
  more?: boolean | undefined;
  /** Where the work is done. */
  link?: { to: string; label: string };
  loading?: boolean;
  error?: string | null;
  /** Shown when there is nothing to do. */
  empty?: string;
  testId?: string;
  children?: ReactNode;
}) {
  const headingId = `tile-${props.title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={headingId} data-testid={props.testId}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" id={headingId}>
            {props.title}
          </Title>
          {props.count !== undefined && (
            <Badge
              size="lg"
              variant="light"
              aria-label={props.more ? `more than ${props.count} items` : `${props.count} ${props.count === 1 ? 'item' : 'items'}`}
            >
              {props.count}
              {props.more ? '+' : ''}
            </Badge>
          )}
        </Group>
        {props.loading && <Loader size="sm" aria-label={`Loading ${props.title}`} />}
        {props.error && <Alert color="red">{props.error}</Alert>}
        {!props.loading && !props.error && props.count === 0 && props.empty && <Text size="sm">{props.empty}</Text>}
        {props.children}
        {props.link && (
          <Anchor component={Link} to={props.link.to} size="sm">
            {props.link.label}
          </Anchor>
        )}
      </Stack>
    </Card>
  );
}
