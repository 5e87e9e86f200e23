import { useAuth } from '../auth/AuthContext.tsx';
import type { Route } from '../routing/router.ts';

const LINKS: Array<{
  label: string;
  href: string;
  active: (route: Route) => boolean;
  adminOnly?: boolean;
}> = [
  {
    label: 'Catalog',
    href: '#/',
    active: (r) => r.name === 'catalog' || r.name === 'product' || r.name === 'app',
  },
  {
    label: 'History',
    href: '#/history',
    active: (r) => r.name === 'history' || r.name === 'run' || r.name === 'compare',
  },
  { label: 'Federated', href: '#/federated', active: (r) => r.name === 'federated' },
  { label: 'Administration', href: '#/admin', active: (r) => r.name === 'admin', adminOnly: true },
];

export function MainNav({ route }: { route: Route }) {
  const { me } = useAuth();
  const admin = me.user?.admin === true;
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {LINKS.filter((link) => admin || !link.adminOnly).map((link) => (
          <li key={link.href}>
            <a href={link.href} aria-current={link.active(route) ? 'page' : undefined}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
