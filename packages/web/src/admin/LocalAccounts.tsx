import { type FormEvent, useId, useState } from 'react';
import { api } from '../api/endpoints.ts';
import type { CreatedToken, DirectoryUser, TokenScope } from '../api/types.ts';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { useAsync } from '../components/useAsync.ts';
import { usePendingChange } from '../product/usePendingChange.ts';
import { IssuedToken } from './IssuedToken.tsx';

const SCOPES: ReadonlyArray<{ scope: TokenScope; meaning: string }> = [
  { scope: 'read', meaning: 'metadata and counts' },
  { scope: 'run', meaning: 'apps' },
  { scope: 'export', meaning: 'row-level downloads' },
  { scope: 'admin', meaning: 'manage access, for owners and administrators' },
];

const EMPTY_FORM = { username: '', name: '', email: '', scopes: ['read', 'run'] as TokenScope[] };

/**
 * Local accounts, for a node without single sign-on: an administrator creates the account and hands
 * its first token to the person (shown once here, never again), who can make further tokens of their own.
 */
export function LocalAccounts() {
  const ids = { username: useId(), name: useId(), email: useId() };
  const users = useAsync(() => api.users(), []);
  const [form, setForm] = useState(EMPTY_FORM);
  const [issued, setIssued] = useState<{ user: DirectoryUser; token: CreatedToken } | null>(null);
  const pending = usePendingChange();

  const create = (event: FormEvent) => {
    event.preventDefault();
    void pending.run(
      async () => {
        const user = await api.createLocalUser({
          username: form.username.trim(),
          name: form.name.trim(),
          ...(form.email.trim() ? { email: form.email.trim() } : {}),
        });
        return { user, token: await api.createTokenFor(user.id, 'first token', form.scopes) };
      },
      (created) => {
        setIssued(created);
        setForm(EMPTY_FORM);
        users.reload();
      },
    );
  };

  return (
    <section aria-labelledby="accounts-heading" className="panel">
      <h2 id="accounts-heading">Local accounts</h2>
      <p className="muted">
        For a node without single sign-on. People who sign in through the identity provider appear here after
        their first sign-in and make their own tokens.
      </p>
      <form className="inline-form" onSubmit={create} aria-label="Create a local account">
        <div>
          <label htmlFor={ids.username}>Username</label>
          <input
            id={ids.username}
            required
            pattern="[a-z0-9][a-z0-9._\-]{0,63}"
            title="lower-case letters, digits, dot, dash, underscore"
            autoComplete="off"
            value={form.username}
            onChange={(event) => setForm({ ...form, username: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor={ids.name}>Full name</label>
          <input
            id={ids.name}
            required
            maxLength={100}
            value={form.name}
            onChange={(event) => setForm({ ...form, name: event.target.value })}
          />
        </div>
        <div>
          <label htmlFor={ids.email}>Email (optional)</label>
          <input
            id={ids.email}
            type="email"
            value={form.email}
            onChange={(event) => setForm({ ...form, email: event.target.value })}
          />
        </div>
        <fieldset>
          <legend>First token&apos;s scopes</legend>
          {SCOPES.map(({ scope, meaning }) => (
            <label key={scope} className="check" title={meaning}>
              <input
                type="checkbox"
                checked={form.scopes.includes(scope)}
                onChange={(event) =>
                  setForm({
                    ...form,
                    scopes: event.target.checked
                      ? [...form.scopes, scope]
                      : form.scopes.filter((held) => held !== scope),
                  })
                }
              />
              {scope}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={pending.busy || form.scopes.length === 0}>
          Create account
        </button>
      </form>
      <ErrorAlert error={pending.error} />
      {issued && <IssuedToken userName={issued.user.name} token={issued.token} />}
      <ErrorAlert error={users.error} />
      {users.data && (
        <div className="table-scroll">
          <table>
            <caption>Users of this node</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">User id</th>
                <th scope="col">Signs in</th>
                <th scope="col">Administrator</th>
              </tr>
            </thead>
            <tbody>
              {users.data.users.map((user) => (
                <tr key={user.id}>
                  <td>{user.name}</td>
                  <td>
                    <code>{user.id}</code>
                  </td>
                  <td>{user.issuer === null ? 'with a token (local account)' : `through ${user.issuer}`}</td>
                  <td>{user.admin ? 'yes' : 'no'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
