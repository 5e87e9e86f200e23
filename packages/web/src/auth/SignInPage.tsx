import { type FormEvent, useId, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert.tsx';
import { Page } from '../layout/Page.tsx';
import { navigate } from '../routing/router.ts';
import { useAuth } from './AuthContext.tsx';

export function SignInPage() {
  const { signInWithToken } = useAuth();
  const tokenId = useId();
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await signInWithToken(token.trim());
      navigate('#/');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  // SSO comes back to the page it started from; the node follows only its own paths.
  const returnTo = `/${window.location.hash || '#/'}`;

  return (
    <Page title="Sign in">
      <div className="signin">
        <section className="panel" aria-labelledby="sso-heading">
          <h2 id="sso-heading">Single sign-on</h2>
          <p>Sign in with your organisation&apos;s account, if this node is connected to one.</p>
          <a className="button" href={`/auth/login?returnTo=${encodeURIComponent(returnTo)}`}>
            Sign in with SSO
          </a>
        </section>
        <section className="panel" aria-labelledby="token-heading">
          <h2 id="token-heading">With an API token</h2>
          <form onSubmit={submit}>
            <label htmlFor={tokenId}>API token</label>
            <input
              id={tokenId}
              type="password"
              autoComplete="off"
              spellCheck={false}
              required
              value={token}
              onChange={(event) => setToken(event.target.value)}
              placeholder="tok_…"
            />
            <p className="hint">Kept in this browser only (localStorage) until you sign out.</p>
            <button type="submit" disabled={busy || token.trim() === ''}>
              Sign in
            </button>
          </form>
          <ErrorAlert error={error} />
        </section>
      </div>
      <p>
        Public products can be browsed without signing in: <a href="#/">go to the catalog</a>.
      </p>
    </Page>
  );
}
