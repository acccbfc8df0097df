import { Burger, Group, Text } from '@mantine/core';
import { IconBuildingHospital } from '@tabler/icons-react';
import { useCan, useCurrentUser } from '../../features/auth/use-me.ts';
import { HeaderPatientSearch } from '../../features/patients/HeaderPatientSearch.tsx';
import { LocationSwitcher } from './LocationSwitcher.tsx';
import { UserMenu } from './UserMenu.tsx';

/** Practice name on the left; patient search (`/`), location and user on the right. */
export function ShellHeader({ navOpened, onToggleNav }: { navOpened: boolean; onToggleNav: () => void }) {
  const me = useCurrentUser();
  const can = useCan();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap">
        <Burger opened={navOpened} onClick={onToggleNav} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
        <IconBuildingHospital size={24} stroke={1.5} aria-hidden />
        <Text fw={700} size="lg" data-testid="practice-name" truncate>
          {me.organization.name}
        </Text>
      </Group>
      <Group gap="sm" wrap="nowrap">
        {can('patient:read') && <HeaderPatientSearch />}
        <LocationSwitcher />
        <UserMenu />
      </Group>
    </Group>
  );
}
