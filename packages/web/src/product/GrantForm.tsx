import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { Principal, Role } from '../api/types.ts';
import { useAsync } from '../components/useAsync.ts';

const ROLES: Role[] = ['viewer', 'analyst', 'exporter', 'owner'];

/** Gives a user or group a role; the ids are suggested from the node's users and groups. */
export function GrantForm({
  onGrant,
  busy,
}: {
  onGrant: (principal: Principal, role: Role) => void;
  busy: boolean;
}) {
  const ids = { kind: useId(), principal: useId(), role: useId(), list: useId() };
  const [kind, setKind] = useState<Principal['kind']>('user');
  const [principalId, setPrincipalId] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const known = useAsync(
    async () =>
      kind === 'user'
        ? (await api.users()).users.map((user) => ({ id: user.id, name: user.name ?? user.email ?? '' }))
        : (await api.groups()).groups.map((group) => ({ id: group.id, name: group.name ?? '' })),
    [kind],
  );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (principalId.trim()) onGrant({ kind, id: principalId.trim() }, role);
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a grant">
      <div>
        <label htmlFor={ids.kind}>Grantee kind</label>
        <select
          id={ids.kind}
          value={kind}
          onChange={(event) => setKind(event.target.value as Principal['kind'])}
        >
          <option value="user">user</option>
          <option value="group">group</option>
        </select>
      </div>
      <div>
        <label htmlFor={ids.principal}>{kind === 'user' ? 'User id' : 'Group id'}</label>
        <input
          id={ids.principal}
          list={ids.list}
          required
          value={principalId}
          onChange={(event) => setPrincipalId(event.target.value)}
        />
        <datalist id={ids.list}>
          {(known.data ?? []).map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </datalist>
      </div>
      <div>
        <label htmlFor={ids.role}>Role</label>
        <select id={ids.role} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" disabled={busy}>
        Grant
      </button>
    </form>
  );
}
