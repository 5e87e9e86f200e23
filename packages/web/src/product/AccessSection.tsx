import { useState } from 'react';
import { ApiError } from '../api/client.ts';
import { api } from '../api/endpoints.ts';
import type { Access, Owner } from '../api/types.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { formatDay, formatTime } from '../components/format.ts';
import { useAsync } from '../components/useAsync.ts';
import { GrantForm } from './GrantForm.tsx';
import { OwnersEditor } from './OwnersEditor.tsx';
import { usePendingChange } from './usePendingChange.ts';
import { type PrincipalDirectory, usePrincipalDirectory } from './usePrincipalDirectory.ts';

/**
 * Who answers for the product (its contacts, for everyone); its visibility and grants for its owners,
 * who manage them here; its appointed owners for node administrators, who appoint them.
 */
export function AccessSection({ productId, owners: contacts }: { productId: string; owners: Owner[] }) {
  const { me } = useAuth();
  const signedIn = me.user !== null;
  const admin = me.user?.admin === true;
  return (
    <section aria-labelledby="access-heading" className="panel">
      <h2 id="access-heading">Owners and access</h2>
      <ul aria-label="Contacts">
        {contacts.map((contact) => (
          <li key={contact.name}>
            {contact.name}
            {contact.role && <span className="muted"> ({contact.role})</span>}
            {contact.email && (
              <>
                {' '}
                · <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </>
            )}
          </li>
        ))}
      </ul>
      {signedIn ? (
        <SignedInAccess productId={productId} admin={admin} />
      ) : (
        <p className="muted">Only the product&apos;s owners see and manage its grants.</p>
      )}
    </section>
  );
}

function SignedInAccess({ productId, admin }: { productId: string; admin: boolean }) {
  const directory = usePrincipalDirectory();
  const loaded = useAsync(() => api.access(productId), [productId]);
  // A change answers the whole new access; it holds until the access is loaded afresh (after an
  // administrator appointed owners, say).
  const [changed, setChanged] = useState<{ of: Access | undefined; access: Access } | null>(null);
  const access = changed && changed.of === loaded.data ? changed.access : loaded.data;
  const changeAccess = (next: Access) => setChanged({ of: loaded.data, access: next });
  // Only owners may read the grants: 403 (or 404 for an administrator on a private product) is the
  // normal answer for everyone else.
  const notOwner = loaded.error instanceof ApiError && [401, 403, 404].includes(loaded.error.status);
  return (
    <>
      {admin && <OwnersEditor productId={productId} directory={directory} onChanged={loaded.reload} />}
      {notOwner && <p className="muted">Only the product&apos;s owners see and manage its grants.</p>}
      {!notOwner && <ErrorAlert error={loaded.error} />}
      {access && (
        <GrantsEditor productId={productId} access={access} onChange={changeAccess} directory={directory} />
      )}
    </>
  );
}

function GrantsEditor({
  productId,
  access,
  onChange,
  directory,
}: {
  productId: string;
  access: Access;
  onChange: (access: Access) => void;
  directory: PrincipalDirectory;
}) {
  const pending = usePendingChange();
  const change = (action: () => Promise<Access>) => void pending.run(action, onChange);
  const otherVisibility = access.visibility === 'public' ? 'private' : 'public';

  return (
    <section aria-labelledby="grants-heading">
      <h3 id="grants-heading">Grants</h3>
      <p>
        Visibility: <strong>{access.visibility}</strong>{' '}
        <span className="muted">
          {access.visibility === 'public'
            ? '(listed to everyone; apps need a grant unless the product opens them to all)'
            : '(invisible to anyone without a grant)'}
        </span>{' '}
        <button
          type="button"
          className="secondary"
          disabled={pending.busy}
          onClick={() => change(() => api.setVisibility(productId, otherVisibility))}
        >
          Make {otherVisibility}
        </button>
      </p>
      <div className="table-scroll">
        <table className="compact">
          <caption className="visually-hidden">Grants on {productId}</caption>
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
            {access.grants.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">
                  No grants.
                </td>
              </tr>
            )}
            {access.grants.map((grant) => (
              <tr key={`${grant.principal.kind}:${grant.principal.id}`}>
                {/* The id is for those who need it (the CLI takes ids), not for reading: in the tooltip. */}
                <td title={`${grant.principal.kind} ${grant.principal.id}`}>
                  {directory.nameOf(grant.principal)}
                  {grant.principal.kind === 'group' && <span className="muted"> (group)</span>}
                </td>
                <td>{grant.role}</td>
                {/* The day is what one scans for; the exact time and who granted it are in the tooltip. */}
                <td
                  title={`${formatTime(grant.grantedAt)} by ${directory.nameOf({ kind: 'user', id: grant.grantedBy })}`}
                >
                  {formatDay(grant.grantedAt)}
                </td>
                <td>
                  <button
                    type="button"
                    className="secondary"
                    disabled={pending.busy}
                    aria-label={`Revoke the ${grant.role} role of ${directory.nameOf(grant.principal)}`}
                    onClick={() => change(() => api.revoke(productId, grant.principal))}
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
        busy={pending.busy}
        directory={directory}
        onGrant={(principal, role) => change(() => api.grant(productId, principal, role))}
      />
      <ErrorAlert error={pending.error} />
    </section>
  );
}
