/**
 * The signed-in frame: AppShell with header, module nav and the page. Renders once /api/me answers.
 * Landmarks: one banner (header), one labelled nav, one main; a skip link first in tab order.
 * Below the `sm` breakpoint the nav (with the location switcher) is a drawer behind the burger,
 * inert while closed so Tab never lands in it off-screen.
 */
import { Alert, AppShell, Box, Button, Center, Loader } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { MouseEvent } from 'react';
import { Outlet } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { MfaEnrolmentGate } from '../../features/account/MfaEnrolmentGate.tsx';
import { useMe } from '../../features/auth/use-me.ts';
import { KeyboardHelp } from './KeyboardHelp.tsx';
import { LocationSwitcher } from './LocationSwitcher.tsx';
import { ModuleNav } from './ModuleNav.tsx';
import { SessionWatch } from './SessionWatch.tsx';
import { ShellHeader } from './ShellHeader.tsx';
import { RouteFocus } from './use-route-focus.ts';

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function SignedInShell() {
  const me = useMe();
  const [navOpened, nav] = useDisclosure(false);
  // Mantine's `sm` (48em): the AppShell's navbar breakpoint.
  const narrow = useMediaQuery('(max-width: 47.99em)') ?? false;

  if (me.isPending || (me.isError && me.error instanceof ApiError && me.error.problem.status === 401)) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (me.isError) {
    return (
      <Center h="100vh">
        <Alert color="red" title="ClinicDesk could not load">
          {me.error.message}{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => void me.refetch()}>
            Try again
          </Button>
        </Alert>
      </Center>
    );
  }
  // The practice requires MFA for this role and none is set up: only enrolment is open.
  if (me.data.session.mfaPending) return <MfaEnrolmentGate />;
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is an in-page link by convention; the handler only makes focus land reliably */}
      <a className="skip-link" href="#main" onClick={skipToContent}>
        Skip to content
      </a>
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !navOpened } }} padding="lg">
        <AppShell.Header>
          <ShellHeader navOpened={navOpened} onToggleNav={nav.toggle} narrow={narrow} />
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label="Modules" id="module-nav" inert={narrow && !navOpened}>
          {/* On small screens the nav is a drawer: choosing a page closes it. The header has no room for the location there. */}
          {narrow && (
            <Box mb="sm">
              <LocationSwitcher w="100%" />
            </Box>
          )}
          <ModuleNav onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <RouteFocus />
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <SessionWatch />
      <KeyboardHelp />
    </>
  );
}
