import { useId } from 'react';
import type { Principal } from '../api/types.ts';
import type { PrincipalDirectory } from './usePrincipalDirectory.ts';

/**
 * A user or group of the node: the kind, then the id with the node's users or groups suggested by name
 * (a datalist, so an id pasted from elsewhere works as well).
 */
export function PrincipalFields({
  value,
  onChange,
  directory,
  purpose,
}: {
  value: Principal;
  onChange: (principal: Principal) => void;
  directory: PrincipalDirectory;
  /** Names the fields apart from other principal fields on the page, e.g. "Grantee" or "New owner". */
  purpose: string;
}) {
  const ids = { kind: useId(), principal: useId(), list: useId() };
  const known = value.kind === 'user' ? directory.users : directory.groups;
  return (
    <>
      <div>
        <label htmlFor={ids.kind}>{purpose} kind</label>
        <select
          id={ids.kind}
          value={value.kind}
          onChange={(event) => onChange({ kind: event.target.value as Principal['kind'], id: '' })}
        >
          <option value="user">user</option>
          <option value="group">group</option>
        </select>
      </div>
      <div>
        <label htmlFor={ids.principal}>
          {purpose} ({value.kind === 'user' ? 'user id' : 'group id'})
        </label>
        <input
          id={ids.principal}
          list={ids.list}
          required
          autoComplete="off"
          value={value.id}
          onChange={(event) => onChange({ kind: value.kind, id: event.target.value })}
        />
        <datalist id={ids.list}>
          {known.map((option) => (
            <option key={option.id} value={option.id}>
              {option.name}
            </option>
          ))}
        </datalist>
      </div>
    </>
  );
}
