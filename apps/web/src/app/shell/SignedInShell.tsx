/** The signed-in frame: AppShell with header, module nav and the page. Renders once /api/me answers. */
import { Alert, AppShell, Button, Center, Loader } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { MouseEvent } from 'react';
import { Outlet } from 'react-router';
import { ApiError } from '../../api/problem.ts';
import { MfaEnrolmentGate } from '../../features/account/MfaEnrolmentGate.tsx';
import { useMe } from '../../features/auth/use-me.ts';
import { ModuleNav } from './ModuleNav.tsx';
import { SessionWatch } from './SessionWatch.tsx';
import { ShellHeader } from './ShellHeader.tsx';

function skipToContent(event: MouseEvent<HTMLAnchorElement>) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}

export function SignedInShell() {
  const me = useMe();
  const [navOpened, nav] = useDisclosure(false);

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
          <ShellHeader navOpened={navOpened} onToggleNav={nav.toggle} />
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label="Modules">
          {/* On small screens the nav is a drawer: choosing a page closes it. */}
          <ModuleNav onNavigate={nav.close} />
        </AppShell.Navbar>
        <AppShell.Main id="main" tabIndex={-1}>
          <Outlet />
        </AppShell.Main>
      </AppShell>
      <SessionWatch />
    </>
  );
}
