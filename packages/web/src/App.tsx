import { useEffect, useRef } from 'react';
import { AuthProvider, useAuth } from './auth/AuthContext.tsx';
import { SignInPage } from './auth/SignInPage.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Loading } from './components/Loading.tsx';
import { Header } from './layout/Header.tsx';
import { SkipLink } from './layout/SkipLink.tsx';
import { AdminPage } from './pages/AdminPage.tsx';
import { AppPage } from './pages/AppPage.tsx';
import { CatalogPage } from './pages/CatalogPage.tsx';
import { ComparePage } from './pages/ComparePage.tsx';
import { FederatedPage } from './pages/FederatedPage.tsx';
import { HistoryPage } from './pages/HistoryPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { ProductPage } from './pages/ProductPage.tsx';
import { RunRecordPage } from './pages/RunRecordPage.tsx';
import { type Route, useRoute } from './routing/router.ts';

function CurrentPage({ route }: { route: Route }) {
  switch (route.name) {
    case 'catalog':
      return <CatalogPage />;
    case 'signin':
      return <SignInPage />;
    case 'product':
      return <ProductPage key={route.productId} productId={route.productId} />;
    case 'app':
      return (
        <AppPage
          key={`${route.productId}/${route.protocolId}`}
          productId={route.productId}
          protocolId={route.protocolId}
        />
      );
    case 'run':
      return <RunRecordPage key={route.runId} runId={route.runId} />;
    case 'history':
      return <HistoryPage />;
    case 'compare':
      return <ComparePage key={`${route.a}/${route.b}`} a={route.a} b={route.b} />;
    case 'federated':
      return <FederatedPage />;
    case 'admin':
      return <AdminPage />;
    case 'notFound':
      return <NotFoundPage path={route.path} />;
  }
}

/**
 * The page of the route, for the caller the node knows: it waits for the first identity check (else it
 * would load as one caller and show another), and starts afresh when someone signs in or out, so that
 * one caller's history, grants or private products never stay on screen for the next.
 */
function PageArea({ route, routeKey }: { route: Route; routeKey: string }) {
  const { me, loading } = useAuth();
  if (loading) return <Loading what="Checking who is signed in" />;
  const caller = me.user ? `user:${me.user.id}` : 'anonymous';
  return (
    <ErrorBoundary resetKey={`${caller} ${routeKey}`}>
      <CurrentPage key={caller} route={route} />
    </ErrorBoundary>
  );
}

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  const routeKey = JSON.stringify(route);

  // A new page moves focus to its content (as a full page load would reset it), but not on first load.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs per page change, named by routeKey
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
    window.scrollTo(0, 0);
  }, [routeKey]);

  return (
    <AuthProvider>
      <SkipLink />
      <Header route={route} />
      <main id="main" ref={main} tabIndex={-1} className="content">
        <PageArea route={route} routeKey={routeKey} />
      </main>
    </AuthProvider>
  );
}
