/**
 * Everyone's day on the first screen: the home page shows the tiles of the roles the user holds
 * at the selected location. Front desk (and the office manager and administrator): today's
 * arrivals and waits, tomorrow's unconfirmed visits, reminders that did not go out, open
 * waiting-list offers. Clinician: their own patients today and their unsigned notes; nurse: everyone's. Biller: the
 * billing queues, which arrive with the billing modules. Office manager (and administrator): vendor bills overdue or due this week. Tiles belong to their features
 * (app/Tile.tsx); the manager's dashboard will share them.
 */
import { SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSelectedLocation } from '../../app/use-selected-location.ts';
import { UndeliveredTile } from '../comms/UndeliveredTile.tsx';
import { MyPatientsTile, TodayTile } from '../flow/FlowTiles.tsx';
import { UnconfirmedTomorrowTile } from '../schedule/UnconfirmedTomorrowTile.tsx';
import { OpenOffersTile } from '../waitlist/OpenOffersTile.tsx';
import { UnsignedNotesTile } from '../encounters/UnsignedNotesTile.tsx';
import { FollowUpsDueTile } from '../followups/FollowUpsDueTile.tsx';
import { useCan, useCurrentUser } from '../auth/use-me.ts';
import { DueBillsTile } from '../payables/DueBillsTile.tsx';
import { BillingQueuesTile } from './BillingQueuesTile.tsx';

type Role = ReturnType<typeof useCurrentUser>['user']['roles'][number]['role'];

function greeting(hour: number): string {
  return hour < 12 ? 'Good morning' : hour < 18 ? 'Good afternoon' : 'Good evening';
}

export function DashboardPage() {
  const me = useCurrentUser();
  const can = useCan();
  const locationId = useSelectedLocation();
  // The roles that act here: practice-wide ones and those granted at the selected location.
  const roles = new Set<Role>(me.user.roles.filter((r) => r.locationId === null || r.locationId === locationId).map((r) => r.role));
  const has = (...rs: Role[]) => rs.some((r) => roles.has(r));
  const frontDesk = has('front_desk', 'office_manager', 'admin') && can('appointment:read');
  const clinical = has('clinician', 'nurse') && can('appointment:read');
  const location = me.locations.find((l) => l.id === locationId);
  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Title order={1}>
          {greeting(new Date().getHours())}, {me.user.displayName}
        </Title>
        <Text>
          {new Date().toLocaleDateString('en-US', { weekday: 'long', month: 'long', day: 'numeric' })}
          {location ? ` · ${location.name}` : ''}
        </Text>
      </Stack>
      {clinical && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <MyPatientsTile locationId={locationId} providerId={roles.has('clinician') ? me.user.providerId : null} />
          {roles.has('clinician') && me.user.providerId && can('note:read') && <UnsignedNotesTile providerId={me.user.providerId} />}
        </SimpleGrid>
      )}
      {frontDesk && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <TodayTile locationId={locationId} />
          <UnconfirmedTomorrowTile locationId={locationId} />
          {can('patient:read') && <UndeliveredTile />}
          <OpenOffersTile />
          <FollowUpsDueTile locationId={locationId} />
        </SimpleGrid>
      )}
      {has('biller') && <BillingQueuesTile />}
      {has('office_manager', 'admin') && can('payables:read') && (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <DueBillsTile />
        </SimpleGrid>
      )}
      {!frontDesk && !clinical && !has('biller', 'office_manager', 'admin') && <Text>Nothing is waiting for you at this location.</Text>}
    </Stack>
  );
}
