import { EXIT } from '../exitCodes.ts';
import { callNode, type NodeOptions } from '../node/nodeClient.ts';

interface TokenView {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const SCOPES = ['read', 'run', 'export', 'admin'];

/** plexus token create <name> [--scopes read,run] [--days 90]: prints the new token, once. */
export async function tokenCreateCommand(
  name: string,
  options: NodeOptions & { scopes: string; days?: string },
): Promise<number> {
  const scopes = options.scopes
    .split(',')
    .map((scope) => scope.trim())
    .filter(Boolean);
  const unknown = scopes.filter((scope) => !SCOPES.includes(scope));
  if (unknown.length > 0 || scopes.length === 0) {
    process.stderr.write(
      `--scopes takes a comma-separated list of ${SCOPES.join(', ')}; found '${options.scopes}'\n`,
    );
    return EXIT.usage;
  }
  const days = options.days === undefined ? undefined : Number(options.days);
  if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
    process.stderr.write(`--days must be a whole number from 1 to 3650, found '${options.days}'\n`);
    return EXIT.usage;
  }
  const answer = await callNode(options, 'POST', '/api/v1/tokens', {
    name,
    scopes,
    ...(days !== undefined ? { expiresInDays: days } : {}),
  });
  if (!answer.ok) return answer.exitCode;
  const { token, secret } = answer.body as { token: TokenView; secret: string };
  // The secret alone on stdout, so that `export PLEXUS_TOKEN=$(plexus token create …)` works.
  process.stdout.write(`${secret}\n`);
  process.stderr.write(
    `token ${token.id} '${token.name}' (${token.scopes.join(', ')}), expires ${token.expiresAt ?? 'never'}: shown this once\n`,
  );
  return EXIT.ok;
}

/** plexus token list: the caller's tokens, never their secrets. */
export async function tokenListCommand(options: NodeOptions): Promise<number> {
  const answer = await callNode(options, 'GET', '/api/v1/tokens');
  if (!answer.ok) return answer.exitCode;
  const { tokens } = answer.body as { tokens: TokenView[] };
  for (const token of tokens) {
    const state = token.revokedAt ? `revoked ${token.revokedAt}` : `expires ${token.expiresAt ?? 'never'}`;
    process.stdout.write(
      `${token.id}  ${token.name}  ${token.scopes.join(',')}  ${state}  last used ${token.lastUsedAt ?? 'never'}\n`,
    );
  }
  return EXIT.ok;
}

/** plexus token revoke <id>: refused by the node from the next request on. */
export async function tokenRevokeCommand(tokenId: string, options: NodeOptions): Promise<number> {
  const answer = await callNode(options, 'POST', `/api/v1/tokens/${encodeURIComponent(tokenId)}/revoke`);
  if (!answer.ok) return answer.exitCode;
  process.stderr.write(`token ${tokenId} revoked\n`);
  return EXIT.ok;
}
