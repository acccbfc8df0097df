/**
 * The allergy banner in the chart header: the active allergies (substance and reaction), or
 * "No known allergies" with its date, or "Allergies not recorded". For users who read
 * clinical lists (note:read); nothing for others.
 */
import { Badge, Group, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { allergiesQuery } from './clinical-api.ts';

export function AllergyBanner(props: { patientId: string }) {
  const allergies = useQuery(allergiesQuery(props.patientId));
  if (!allergies.data) return null;
  const list = allergies.data;
  const active = list.items.filter((a) => a.status === 'active');
  return (
    <Group gap="xs" data-testid="allergy-banner" role="note" aria-label="Allergies">
      <Text size="sm" fw={700}>
        Allergies:
      </Text>
      {list.status === 'nka' && (
        <Badge color="green" variant="light">
          No known allergies ({list.recordedAt?.slice(0, 10)})
        </Badge>
      )}
      {list.status === 'unknown' && (
        <Badge color="yellow" variant="light">
          Not recorded
        </Badge>
      )}
      {active.map((a) => (
        <Badge key={a.id} color={a.severity === 'severe' || a.severity === 'life_threatening' ? 'red' : 'orange'}>
          {a.substance}
          {a.reaction ? ` (${a.reaction})` : ''}
        </Badge>
      ))}
    </Group>
  );
}
