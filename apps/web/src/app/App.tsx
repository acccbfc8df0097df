import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { onUnauthorized } from '../api/unauthorized.ts';
import { authKeys } from '../features/auth/query-keys.ts';
import { Providers } from './providers.tsx';
import { queryClient } from './query-client.ts';
import { router } from './router.tsx';

/**
 * A lost session (401 on any call): drop cached data and show the login page, saying why.
 * MFA_REQUIRED is not a lost session: the practice now requires two-step sign-in and this
 * session has none, so the shell reloads /api/me and shows the enrolment gate.
 */
function signedOutByServer(code: string): void {
  const here = router.state.location;
  if (here.pathname === '/login') return;
  if (code === 'MFA_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: authKeys.me() });
    return;
  }
  const params = new URLSearchParams();
  if (code === 'SESSION_EXPIRED') params.set('signedOut', 'idle');
  if (here.pathname !== '/') params.set('next', here.pathname + here.search);
  const query = params.size ? `?${params}` : '';
  void router.navigate(`/login${query}`, { replace: true }).then(() => queryClient.clear());
}

export function App() {
  useEffect(() => onUnauthorized(signedOutByServer), []);
  return (
    <Providers>
      <RouterProvider router={router} />
    </Providers>
  );
}
