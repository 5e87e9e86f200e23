import { EXIT } from '../exitCodes.ts';
import { callNode, type NodeOptions } from '../node/nodeClient.ts';
import { PRINCIPAL_HELP, parsePrincipal } from '../node/principalArgument.ts';

/**
 * plexus owners <product> [user:<id>|group:<id> …]: without principals, who owns the product; with them
 * (or --clear), appoint exactly these owners — a node administrator's part. Prints the owners after.
 */
export async function ownersCommand(
  productId: string,
  principalTexts: string[],
  options: NodeOptions & { clear?: boolean },
): Promise<number> {
  const principals = principalTexts.map((text) => ({ text, principal: parsePrincipal(text) }));
  const malformed = principals.find((entry) => entry.principal === undefined);
  if (malformed) {
    process.stderr.write(`${PRINCIPAL_HELP}; found '${malformed.text}'\n`);
    return EXIT.usage;
  }
  if (options.clear && principals.length > 0) {
    process.stderr.write('--clear appoints no owners: give either principals or --clear\n');
    return EXIT.usage;
  }
  const path = `/api/v1/products/${encodeURIComponent(productId)}/owners`;
  const appoint = options.clear || principals.length > 0;
  const answer = appoint
    ? await callNode(options, 'POST', path, { owners: principals.map((entry) => entry.principal) })
    : await callNode(options, 'GET', path);
  if (!answer.ok) return answer.exitCode;
  const { owners } = answer.body as { owners: Array<{ kind: string; id: string }> };
  process.stdout.write(`${productId}: ${owners.length === 0 ? 'no appointed owners' : 'owned by'}\n`);
  for (const owner of owners) process.stdout.write(`  ${owner.kind}:${owner.id}\n`);
  return EXIT.ok;
}
