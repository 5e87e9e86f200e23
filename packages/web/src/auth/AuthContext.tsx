// Who the browser is: an API token kept in localStorage, the SSO session cookie, or nobody. The node
// decides (GET /api/v1/me); the client only keeps the answer for the header and for page choices.
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { ApiError, storedToken, storeToken } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Me } from '../api/types.ts';

const ANONYMOUS: Me = { via: 'anonymous', user: null, groups: [] };

export interface AuthState {
  me: Me;
  loading: boolean;
  /** Checks the token with the node and keeps it only when the node knows it. */
  signInWithToken: (token: string) => Promise<Me>;
  signOut: () => Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me>(ANONYMOUS);
  const [loading, setLoading] = useState(true);
  // Who the browser is changes by the first check, sign-ins and sign-outs, each answered whenever the
  // node answers. Numbered as they start, an answer is kept only if no later one was kept already: a slow
  // first check must not undo a sign-in made meanwhile (and a failed sign-in keeps nothing).
  const started = useRef(0);
  const kept = useRef(0);
  const keep = useCallback((ticket: number, answer: Me) => {
    if (ticket <= kept.current) return false;
    kept.current = ticket;
    setMe(answer);
    setLoading(false);
    return true;
  }, []);

  useEffect(() => {
    const ticket = ++started.current;
    const controller = new AbortController();
    const { signal } = controller;
    api
      .me(undefined, signal)
      .then((answer) => keep(ticket, answer))
      .catch((error: unknown) => {
        // A stored token the node no longer accepts (revoked, expired) must not keep failing every call.
        if (error instanceof ApiError && error.status === 401 && storedToken() && ticket > kept.current) {
          storeToken(null);
          return api.me(null, signal).then((answer) => keep(ticket, answer));
        }
        return undefined;
      })
      .catch(() => undefined)
      .finally(() => signal.aborted || setLoading(false));
    return () => controller.abort();
  }, [keep]);

  const signInWithToken = useCallback(
    async (token: string) => {
      const ticket = ++started.current;
      const answer = await api.me(token);
      if (answer.via === 'anonymous' || !answer.user) throw new Error('The node does not know this token.');
      // Kept only if no later sign-out (or sign-in) was: else the token would outlive it.
      if (keep(ticket, answer)) storeToken(token);
      return answer;
    },
    [keep],
  );

  const signOut = useCallback(async () => {
    const ticket = ++started.current;
    storeToken(null);
    // An SSO session lives in an HttpOnly cookie only the node can end; JSON because the node takes
    // state-changing calls as JSON only (its guard against cross-site forms). Harmless without SSO.
    await fetch('/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
    keep(ticket, await api.me(null).catch(() => ANONYMOUS));
  }, [keep]);

  const value = useMemo(
    () => ({ me, loading, signInWithToken, signOut }),
    [me, loading, signInWithToken, signOut],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const state = useContext(AuthContext);
  if (!state) throw new Error('useAuth needs an AuthProvider');
  return state;
}

export function displayName(me: Me): string {
  return me.user?.name || me.user?.email || me.user?.id || 'Anonymous';
}

export function groupNames(me: Me): string[] {
  return me.groups.map((group) => group.name || group.id);
}
