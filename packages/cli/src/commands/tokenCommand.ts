import { EXIT } from '../exitCodes.ts';
import { callNode, type NodeOptions } from '../node/nodeClient.ts';
import {
  type CreatedToken,
  printCreatedToken,
  type TokenView,
  tokenRequestOf,
} from '../node/tokenRequest.ts';

/** plexus token create <name> [--scopes read,run] [--days 90]: prints the new token, once. */
export async function tokenCreateCommand(
  name: string,
  options: NodeOptions & { scopes: string; days?: string },
): Promise<number> {
  const request = tokenRequestOf(name, options);
  if (request === undefined) return EXIT.usage;
  const answer = await callNode(options, 'POST', '/api/v1/tokens', request);
  if (!answer.ok) return answer.exitCode;
  printCreatedToken(answer.body as CreatedToken);
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
