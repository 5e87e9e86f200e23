import { UserMenu } from '../auth/UserMenu.tsx';
import type { Route } from '../routing/router.ts';
import { MainNav } from './MainNav.tsx';

export function Header({ route }: { route: Route }) {
  return (
    <header className="site-header">
      <div className="header-inner">
        <a className="brand" href="#/">
          Plexus
        </a>
        <MainNav route={route} />
        <UserMenu />
      </div>
    </header>
  );
}
