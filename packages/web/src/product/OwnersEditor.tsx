import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { AppointedOwners, Principal } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useAsync } from '../components/useAsync.ts';
import { PrincipalFields } from './PrincipalFields.tsx';
import { usePendingChange } from './usePendingChange.ts';
import type { PrincipalDirectory } from './usePrincipalDirectory.ts';

const samePrincipal = (a: Principal, b: Principal) => a.kind === b.kind && a.id === b.id;

/**
 * For node administrators: who owns the product. Owners manage grants and visibility; somebody has to
 * appoint the first of them, and that is the administrators' part (they do not see the data by it).
 */
export function OwnersEditor({
  productId,
  directory,
  onChanged,
}: {
  productId: string;
  directory: PrincipalDirectory;
  /** The caller's own role may have changed (an administrator appointing themselves). */
  onChanged?: () => void;
}) {
  const loaded = useAsync(() => api.owners(productId), [productId]);
  const [changed, setChanged] = useState<AppointedOwners | null>(null);
  const [candidate, setCandidate] = useState<Principal>({ kind: 'user', id: '' });
  const pending = usePendingChange();
  const headingId = useId();
  const owners = (changed ?? loaded.data)?.owners;

  const appoint = (next: Principal[]) =>
    pending.run(
      () => api.appointOwners(productId, next),
      (answer) => {
        setChanged(answer);
        setCandidate({ kind: candidate.kind, id: '' });
        onChanged?.();
      },
    );

  const add = (event: FormEvent) => {
    event.preventDefault();
    const id = candidate.id.trim();
    if (!owners || !id) return;
    const principal = { kind: candidate.kind, id };
    if (!owners.some((owner) => samePrincipal(owner, principal))) void appoint([...owners, principal]);
  };

  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>Appointed owners</h3>
      <p className="muted">
        As a node administrator you appoint the product&apos;s owners; they manage its grants and visibility.
      </p>
      <ErrorAlert error={loaded.error} />
      {owners && (
        <ul aria-label="Appointed owners">
          {owners.length === 0 && <li className="muted">Nobody yet.</li>}
          {owners.map((owner) => (
            <li key={`${owner.kind}:${owner.id}`}>
              <span title={`${owner.kind} ${owner.id}`}>{directory.nameOf(owner)}</span>
              {owner.kind === 'group' && <span className="muted"> (group)</span>}{' '}
              <button
                type="button"
                className="secondary"
                disabled={pending.busy}
                aria-label={`Remove owner ${directory.nameOf(owner)}`}
                onClick={() => void appoint(owners.filter((other) => !samePrincipal(other, owner)))}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="inline-form" onSubmit={add} aria-label="Appoint an owner">
        <PrincipalFields
          value={candidate}
          onChange={setCandidate}
          directory={directory}
          purpose="New owner"
        />
        <button type="submit" disabled={pending.busy || !owners}>
          Appoint owner
        </button>
      </form>
      <ErrorAlert error={pending.error} />
    </section>
  );
}
