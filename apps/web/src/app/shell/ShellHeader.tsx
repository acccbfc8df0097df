import { Burger, Group, Text } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import { useCan, useCurrentUser } from '../../features/auth/use-me.ts';
import { LogCallButton } from '../../features/calls/LogCallButton.tsx';
import { HeaderPatientSearch } from '../../features/patients/HeaderPatientSearch.tsx';
import { LocationSwitcher } from './LocationSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

/**
 * Practice name on the left; "Log a call", patient search (`/`), location and user on the right. Narrow
 * (a phone): the burger opens the nav drawer, which holds the location switcher; the search
 * hides (the Patients page has its own); the user menu, and Sign out, always stay in view.
 */
export function ShellHeader({ navOpened, onToggleNav, narrow }: { navOpened: boolean; onToggleNav: () => void; narrow: boolean }) {
  const me = useCurrentUser();
  const can = useCan();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" miw={0}>
        <Burger
          opened={navOpened}
          onClick={onToggleNav}
          hiddenFrom="sm"
          size="sm"
          aria-label="Menu"
          aria-expanded={navOpened}
          aria-controls="module-nav"
        />
        <IconBuildingHospital size={24} stroke={1.5} aria-hidden />
        <Text fw={700} size="lg" data-testid="practice-name" truncate>
          {me.organization.name}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
        {can('call:write') && <LogCallButton narrow={narrow} />}
        {can('patient:read') && <HeaderPatientSearch />}
        {!narrow && <LocationSwitcher />}
        <UserMenu narrow={narrow} />
      </Group>
    </Group>
  );
}
