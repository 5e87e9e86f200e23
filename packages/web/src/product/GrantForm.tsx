import { type FormEvent, useId, useState } from 'react';
import type { Principal, Role } from '../api/types.ts';
import { PrincipalFields } from './PrincipalFields.tsx';
import type { PrincipalDirectory } from './usePrincipalDirectory.ts';

const ROLES: Role[] = ['viewer', 'analyst', 'exporter', 'owner'];

/** Gives a user or group a role (replacing the one they had). */
export function GrantForm({
  onGrant,
  busy,
  directory,
}: {
  onGrant: (principal: Principal, role: Role) => void;
  busy: boolean;
  directory: PrincipalDirectory;
}) {
  const roleId = useId();
  const [principal, setPrincipal] = useState<Principal>({ kind: 'user', id: '' });
  const [role, setRole] = useState<Role>('viewer');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const id = principal.id.trim();
    if (id) onGrant({ kind: principal.kind, id }, role);
  };

  return (
    <form className="inline-form" onSubmit={submit} aria-label="Add a grant">
      <PrincipalFields value={principal} onChange={setPrincipal} directory={directory} purpose="Grantee" />
      <div>
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((choice) => (
            <option key={choice} value={choice}>
              {choice}
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
