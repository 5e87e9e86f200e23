const SCOPES = ['read', 'run', 'export', 'admin'];

/** A token as the node lists it, never with its secret. */
export interface TokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  token: TokenView;
  secret: string;
}

/**
 * The body of a token request from `--scopes` and `--days`, or undefined after saying on stderr what is
 * wrong with them (a usage error: the node is not asked).
 */
export function tokenRequestOf(
  name: string,
  options: { scopes: string; days?: string },
): { name: string; scopes: string[]; expiresInDays?: number } | undefined {
  const scopes = options.scopes
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !SCOPES.includes(scope));
  if (unknown.length > 0 || scopes.length === 0) {
    process.stderr.write(
      `--scopes takes a comma-separated list of ${SCOPES.join(', ')}; found '${options.scopes}'\n`,
    );
    return undefined;
  }
  const days = options.days === undefined ? undefined : Number(options.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    process.stderr.write(`--days must be a whole number from 1 to 3650, found '${options.days}'\n`);
    return undefined;
  }
  return { name, scopes, ...(days !== undefined ? { expiresInDays: days } : {}) };
}

/** The secret alone on stdout, so that `export PLEXUS_TOKEN=$(plexus token create …)` works. */
export function printCreatedToken({ token, secret }: CreatedToken): void {
  process.stdout.write(`${secret}\n`);
  process.stderr.write(
    `token ${token.id} '${token.name}' (${token.scopes.join(', ')}), expires ${token.expiresAt ?? 'never'}: shown this once\n`,
  );
}
