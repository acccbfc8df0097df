/**
 * Client routes: the login page, and the signed-in shell holding every module from
 * modules.tsx (add pages there, not here) plus a not-found page for anything else.
 */
import type { ReactElement } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import type { Permission } from '../api/types.ts';
import { AcceptInvitePage } from '../features/account/AcceptInvitePage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { useCan } from '../features/auth/use-me.ts';
import { allPages } from './modules.tsx';
import { ForbiddenPage } from './pages/ForbiddenPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { SignedInShell } from './shell/SignedInShell.tsx';

function RequirePermission({ permission, children }: { permission: Permission | undefined; children: ReactElement }) {
  const can = useCan();
  return can(permission) ? children : <ForbiddenPage />;
}

const pageRoutes: RouteObject[] = allPages.map((page) => {
  const element = (
    <RequirePermission key={page.path} permission={page.permission}>
      {page.element}
    </RequirePermission>
  );
  return page.path === '/' ? { index: true, element } : { path: page.path, element };
});

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/accept-invite', element: <AcceptInvitePage /> },
  { path: '/', element: <SignedInShell />, children: [...pageRoutes, { path: '*', element: <NotFoundPage /> }] },
]);
