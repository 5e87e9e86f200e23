import { useState } from 'react';
import { displayName, groupNames, useAuth } from './AuthContext.tsx';

/** The header's account corner: who is signed in (name and groups) and the way out. */
export function UserMenu() {
  const { me, loading, signOut } = useAuth();
  const [busy, setBusy] = useState(false);
  if (loading) {
    return (
      <span className="user-menu muted">
        <span aria-hidden="true">…</span>
        <span className="visually-hidden">Checking who is signed in</span>
      </span>
    );
  }
  if (!me.user) {
    return (
      <span className="user-menu">
        <span className="muted">Browsing anonymously</span>
        <a className="button secondary" href="#/signin">
          Sign in
        </a>
      </span>
    );
  }
  const groups = groupNames(me);
  return (
    <span className="user-menu">
      <span>
        <strong className="user-name">{displayName(me)}</strong>
        {groups.length > 0 && <span className="user-groups"> ({groups.join(', ')})</span>}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void signOut().finally(() => setBusy(false));
        }}
      >
        Sign out
      </button>
    </span>
  );
}
