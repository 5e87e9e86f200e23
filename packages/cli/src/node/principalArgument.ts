/** A principal as the command line spells it: `user:<id>` or `group:<id>`. */
export function parsePrincipal(text: string): { kind: 'user' | 'group'; id: string } | undefined {
  const match = /^(user|group):(.+)$/.exec(text);
  return match?.[1] && match[2] ? { kind: match[1] as 'user' | 'group', id: match[2] } : undefined;
}

export const PRINCIPAL_HELP =
  'the principal is user:<id> or group:<id> (ids from GET /api/v1/users, /api/v1/groups)';
