// Who the browser is: an API token kept in localStorage, the SSO session cookie, or nobody. The node
// decides (GET /api/v1/me); the client only keeps the answer for the header and for page choices.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
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

  useEffect(() => {
    let live = true;
    api
      .me()
      .then((answer) => live && setMe(answer))
      .catch((error: unknown) => {
        // A stored token the node no longer accepts (revoked, expired) must not keep failing every call.
        if (error instanceof ApiError && error.status === 401 && storedToken()) {
          storeToken(null);
          return api.me(null).then((answer) => live && setMe(answer));
        }
        return undefined;
      })
      .catch(() => undefined)
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, []);

  const signInWithToken = useCallback(async (token: string) => {
    const answer = await api.me(token);
    if (answer.via === 'anonymous' || !answer.user) throw new Error('The node does not know this token.');
    storeToken(token);
    setMe(answer);
    return answer;
  }, []);

  const signOut = useCallback(async () => {
    storeToken(null);
    // An SSO session lives in an HttpOnly cookie only the node can end; JSON because the node takes
    // state-changing calls as JSON only (its guard against cross-site forms). Harmless without SSO.
    await fetch('/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
    setMe(await api.me(null).catch(() => ANONYMOUS));
  }, []);

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
  return me.groups.map((group) => (typeof group === 'string' ? group : group.name || group.id));
}
