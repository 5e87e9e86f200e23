// A tiny hash router: every node serves the built page at `/` only, so routes live in the fragment
// (#/products/va-lung-trial) and need no server-side fallback.
import { useSyncExternalStore } from 'react';

export type Route =
  | { name: 'catalog' }
  | { name: 'signin' }
  | { name: 'product'; productId: string }
  | { name: 'app'; productId: string; protocolId: string }
  | { name: 'run'; runId: string }
  | { name: 'history' }
  | { name: 'compare'; a: string; b: string }
  | { name: 'federated' }
  | { name: 'admin' }
  | { name: 'notFound'; path: string };

/** A segment as typed or pasted: a stray `%` (#/products/%) is not an escape, so it stays as it is. */
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '') || '/';
  const parts = path.split('/').filter(Boolean).map(decodeSegment);
  const [first, second, third, fourth] = parts;
  if (parts.length === 0) return { name: 'catalog' };
  if (first === 'signin' && parts.length === 1) return { name: 'signin' };
  if (first === 'history' && parts.length === 1) return { name: 'history' };
  if (first === 'federated' && parts.length === 1) return { name: 'federated' };
  if (first === 'admin' && parts.length === 1) return { name: 'admin' };
  if (first === 'products' && second && parts.length === 2) return { name: 'product', productId: second };
  if (first === 'products' && second && third === 'apps' && fourth && parts.length === 4) {
    return { name: 'app', productId: second, protocolId: fourth };
  }
  if (first === 'runs' && second && parts.length === 2) return { name: 'run', runId: second };
  if (first === 'compare' && second && third && parts.length === 3)
    return { name: 'compare', a: second, b: third };
  return { name: 'notFound', path };
}

/** The href of a route, e.g. href('products', id) → "#/products/<id>". */
export function href(...segments: string[]): string {
  return `#/${segments.map(encodeURIComponent).join('/')}`;
}

export function navigate(to: string): void {
  window.location.hash = to.replace(/^#/, '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return parseRoute(hash);
}
