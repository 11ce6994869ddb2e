/**
 * Who is calling and what they may do, from the claims of a Cognito access token (or the local
 * runtime's equivalent). API Gateway's authorizer checks scopes per method; handlers check again
 * here, so a misconfigured method never opens data (defence in depth).
 */
export const SCOPE_PREFIX = 'lurewatch/';
export const SCOPES = {
  reportsWrite: `${SCOPE_PREFIX}reports.write`,
  reportsRead: `${SCOPE_PREFIX}reports.read`,
  campaignsRead: `${SCOPE_PREFIX}campaigns.read`,
  broadcastsSend: `${SCOPE_PREFIX}broadcasts.send`,
  rosterManage: `${SCOPE_PREFIX}roster.manage`,
} as const;
export type Scope = (typeof SCOPES)[keyof typeof SCOPES];

export const GROUPS = { officers: 'security-officers', members: 'members' } as const;

export type Role = 'partner' | 'officer' | 'member';

export interface Principal {
  id: string;
  role: Role;
  scopes: ReadonlySet<string>;
  groups: ReadonlySet<string>;
}

/** API Gateway hands claims over as strings: lists may arrive as "a b", "[a, b]" or arrays. */
function listClaim(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
}

export function principalFromClaims(
  claims: Record<string, unknown> | undefined | null,
): Principal | undefined {
  if (!claims) return undefined;
  const groups = new Set(listClaim(claims['cognito:groups']));
  const scopes = new Set(listClaim(claims.scope));
  const id = String(claims.client_id ?? claims['cognito:username'] ?? claims.username ?? claims.sub ?? '');
  if (!id) return undefined;
  const role: Role = groups.has(GROUPS.officers)
    ? 'officer'
    : groups.has(GROUPS.members)
      ? 'member'
      : 'partner';
  return { id, role, scopes, groups };
}

export const hasScope = (principal: Principal, scope: Scope) => principal.scopes.has(scope);
export const isOfficer = (principal: Principal) => principal.role === 'officer';

/** The scopes and groups each role's token carries (Cognito app clients and groups mirror this). */
export const ROLE_GRANTS: Record<Role, { scopes: Scope[]; groups: string[] }> = {
  partner: { scopes: [SCOPES.reportsWrite, SCOPES.reportsRead, SCOPES.campaignsRead], groups: [] },
  officer: {
    scopes: [
      SCOPES.reportsWrite,
      SCOPES.reportsRead,
      SCOPES.campaignsRead,
      SCOPES.broadcastsSend,
      SCOPES.rosterManage,
    ],
    groups: [GROUPS.officers],
  },
  member: { scopes: [], groups: [GROUPS.members] },
};
