import { useCallback } from 'react';
import { api } from '../api/endpoints.ts';
import type { Principal } from '../api/types.ts';
import { useAsync } from '../components/useAsync.ts';

export interface KnownPrincipal {
  id: string;
  name: string;
}

export interface PrincipalDirectory {
  users: KnownPrincipal[];
  groups: KnownPrincipal[];
  /** "Ada Lovelace" for a known user or group; the id itself for one the node no longer knows. */
  nameOf: (principal: Principal) => string;
}

/**
 * The node's users and groups, loaded once: grants and ownerships name principals by id, which means
 * nothing to the people reading the page. Signed-in callers may list them (GET /users, /groups).
 */
export function usePrincipalDirectory(): PrincipalDirectory {
  const loaded = useAsync(async () => {
    const [users, groups] = await Promise.all([api.users(), api.groups()]);
    return {
      users: users.users.map((user) => ({ id: user.id, name: user.name || user.id })),
      groups: groups.groups.map((group) => ({ id: group.id, name: group.name ?? group.id })),
    };
  }, []);
  const users = loaded.data?.users ?? [];
  const groups = loaded.data?.groups ?? [];
  const nameOf = useCallback(
    (principal: Principal) =>
      (principal.kind === 'user' ? users : groups).find((known) => known.id === principal.id)?.name ??
      principal.id,
    [users, groups],
  );
  return { users, groups, nameOf };
}
