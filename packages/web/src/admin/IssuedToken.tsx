import { useId, useState } from 'react';
import type { CreatedToken } from '../api/types.ts';

/** A new account's first token: the only time its secret is ever shown, so it says so and offers a copy. */
export function IssuedToken({ userName, token }: { userName: string; token: CreatedToken }) {
  const [copied, setCopied] = useState(false);
  const inputId = useId();
  const copy = async () => {
    await navigator.clipboard.writeText(token.secret);
    setCopied(true);
  };
  return (
    <div role="status" className="notice">
      <p>
        Account for <strong>{userName}</strong> created. Hand them this token (scopes{' '}
        {token.token.scopes.join(', ')}, expires {token.token.expiresAt?.slice(0, 10) ?? 'never'}); it is
        shown only now:
      </p>
      <p className="inline-form">
        <label htmlFor={inputId}>Token for {userName}</label>
        <input
          id={inputId}
          readOnly
          className="secret"
          value={token.secret}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy token'}
        </button>
      </p>
    </div>
  );
}
