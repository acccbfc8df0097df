/** The module links the user may open (modules.tsx lists them; permissions filter them). */
import { NavLink } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { useCan } from '../../features/auth/use-me.ts';
import { isGroup, type ModuleEntry, modules } from '../modules.tsx';

function PageLink({ page, pathname, onNavigate }: { page: ModuleEntry; pathname: string; onNavigate: () => void }) {
  const Icon = page.icon;
  const Badge = page.badge;
  const active = page.path === '/' ? pathname === '/' : pathname === page.path || pathname.startsWith(`${page.path}/`);
  return (
    <NavLink
      component={Link}
      to={page.path}
      label={page.label}
      leftSection={<Icon size={18} stroke={1.5} />}
      rightSection={Badge ? <Badge /> : undefined}
      active={active}
      onClick={onNavigate}
      aria-current={active ? 'page' : undefined}
    />
  );
}

export function ModuleNav({ onNavigate }: { onNavigate: () => void }) {
  const can = useCan();
  const { pathname } = useLocation();
  return modules.map((m) => {
    if (!isGroup(m))
      return can(m.permission) && !m.hidden ? <PageLink key={m.path} page={m} pathname={pathname} onNavigate={onNavigate} /> : null;
    const visible = m.children.filter((c) => can(c.permission) && !c.hidden);
    if (visible.length === 0) return null;
    const Icon = m.icon;
    return (
      <NavLink
        key={m.label}
        component="button"
        type="button"
        label={m.label}
        leftSection={<Icon size={18} stroke={1.5} />}
        defaultOpened={visible.some((c) => pathname.startsWith(c.path))}
        childrenOffset="md"
      >
        {visible.map((c) => (
          <PageLink key={c.path} page={c} pathname={pathname} onNavigate={onNavigate} />
        ))}
      </NavLink>
    );
  });
}
