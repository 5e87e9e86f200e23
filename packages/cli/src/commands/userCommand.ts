import { EXIT } from '../exitCodes.ts';
import { callNode, type NodeOptions } from '../node/nodeClient.ts';
import { type CreatedToken, printCreatedToken, tokenRequestOf } from '../node/tokenRequest.ts';

/**
 * plexus user create <username> --name "…": a local account (for a node without single sign-on) and
 * its first API token, printed once on stdout for the administrator to hand over.
 */
export async function userCreateCommand(
  username: string,
  options: NodeOptions & { name: string; email?: string; scopes: string; days?: string },
): Promise<number> {
  const tokenRequest = tokenRequestOf('first token', options);
  if (tokenRequest === undefined) return EXIT.usage;
  const created = await callNode(options, 'POST', '/api/v1/users', {
    username,
    name: options.name,
    ...(options.email !== undefined ? { email: options.email } : {}),
  });
  if (!created.ok) return created.exitCode;
  const user = created.body as { id: string; name: string };
  process.stderr.write(`user ${user.id} '${user.name}' created (sign-in name local:${username})\n`);
  const issued = await callNode(
    options,
    'POST',
    `/api/v1/users/${encodeURIComponent(user.id)}/tokens`,
    tokenRequest,
  );
  if (!issued.ok) return issued.exitCode;
  printCreatedToken(issued.body as CreatedToken);
  return EXIT.ok;
}
