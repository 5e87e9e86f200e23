import { EXIT } from '../exitCodes.ts';
import { callNode, type NodeOptions } from '../node/nodeClient.ts';
import { PRINCIPAL_HELP, parsePrincipal } from '../node/principalArgument.ts';

const ROLES = ['viewer', 'analyst', 'exporter', 'owner'];

/** plexus grant <product> user:<id>|group:<id> <role>, or --revoke: prints the product's grants after. */
export async function grantCommand(
  productId: string,
  principalText: string,
  role: string | undefined,
  options: NodeOptions & { revoke?: boolean },
): Promise<number> {
  const principal = parsePrincipal(principalText);
  if (!principal) {
    process.stderr.write(`${PRINCIPAL_HELP}; found '${principalText}'\n`);
    return EXIT.usage;
  }
  if (!options.revoke && (role === undefined || !ROLES.includes(role))) {
    process.stderr.write(`the role is one of ${ROLES.join(', ')}; found '${role ?? ''}' (or use --revoke)\n`);
    return EXIT.usage;
  }
  const path = `/api/v1/products/${encodeURIComponent(productId)}/grants${options.revoke ? '/revoke' : ''}`;
  const answer = await callNode(options, 'POST', path, options.revoke ? { principal } : { principal, role });
  if (!answer.ok) return answer.exitCode;
  const { visibility, grants } = answer.body as {
    visibility: string;
    grants: Array<{ principal: { kind: string; id: string }; role: string }>;
  };
  process.stdout.write(`${productId} (${visibility})\n`);
  for (const grant of grants)
    process.stdout.write(`  ${grant.principal.kind}:${grant.principal.id}  ${grant.role}\n`);
  return EXIT.ok;
}
