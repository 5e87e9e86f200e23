import type { Route } from '../routing/router.ts';

const LINKS: Array<{ label: string; href: string; active: (route: Route) => boolean }> = [
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
];

export function MainNav({ route }: { route: Route }) {
  return (
    <nav aria-label="Main" className="main-nav">
      <ul>
        {LINKS.map((link) => (
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
