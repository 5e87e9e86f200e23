import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Access, Owner, Principal, Role } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatTime } from '../components/format.ts';
import { useAsync } from '../components/useAsync.ts';
import { GrantForm } from './GrantForm.tsx';

/** The product's owners for everyone; its grants for its owners, who manage them here. */
export function AccessSection({ productId, owners }: { productId: string; owners: Owner[] }) {
  const loaded = useAsync(() => api.access(productId), [productId]);
  const [access, setAccess] = useState<Access | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const current = access ?? loaded.data ?? null;
  // Only owners may read the grants: a 401/403 is the normal answer for everyone else.
  const notOwner =
    loaded.error instanceof ApiError && (loaded.error.status === 401 || loaded.error.status === 403);

  const change = async (action: () => Promise<Access>) => {
    setBusy(true);
    setError(null);
    try {
      setAccess(await action());
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="access-heading" className="panel">
      <h2 id="access-heading">Owners and access</h2>
      <ul>
        {owners.map((owner) => (
          <li key={owner.name}>
            {owner.name}
            {owner.role && <span className="muted"> ({owner.role})</span>}
            {owner.email && (
              <>
                {' '}
                · <a href={`mailto:${owner.email}`}>{owner.email}</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {notOwner && <p className="muted">Only the product&apos;s owners see and manage its grants.</p>}
      {!notOwner && <ErrorAlert error={loaded.error} />}
      {current && (
        <>
          <p>
            Visibility: <strong>{current.visibility}</strong>
          </p>
          <div className="table-scroll">
            <table>
              <caption>Grants</caption>
              <thead>
                <tr>
                  <th scope="col">Grantee</th>
                  <th scope="col">Role</th>
                  <th scope="col">Granted</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {current.grants.length === 0 && (
                  <tr>
                    <td colSpan={4} className="muted">
                      No grants.
                    </td>
                  </tr>
                )}
                {current.grants.map((grant) => (
                  <tr key={`${grant.principal.kind}:${grant.principal.id}`}>
                    <td>
                      {grant.principal.kind} <code>{grant.principal.id}</code>
                    </td>
                    <td>{grant.role}</td>
                    <td>
                      {formatTime(grant.grantedAt)} <span className="muted">by {grant.grantedBy}</span>
                    </td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        disabled={busy}
                        aria-label={`Revoke ${grant.principal.kind} ${grant.principal.id}`}
                        onClick={() => void change(() => api.revoke(productId, grant.principal))}
                      >
                        Revoke
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <GrantForm
            busy={busy}
            onGrant={(principal: Principal, role: Role) =>
              void change(() => api.grant(productId, principal, role))
            }
          />
          <ErrorAlert error={error} />
        </>
      )}
    </section>
  );
}
