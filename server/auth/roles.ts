/**
 * The four roles, lowest first. Each includes the rights of the ones below it:
 * public (only what is published) < analyst (reads everything, names included)
 * < coordinator (imports, edits, publishes) < admin (accounts and settings).
 */
export const ROLES = ['public', 'analyst', 'coordinator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Roles an account can hold: `public` is what anyone without a session is. */
export const ACCOUNT_ROLES = ['analyst', 'coordinator', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isAccountRole(value: unknown): value is AccountRole {
  return typeof value === 'string' && (ACCOUNT_ROLES as readonly string[]).includes(value);
}

export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

/** `role` and every role above it: `atLeast('coordinator')` → coordinator, admin. */
export function atLeast(role: Role): readonly Role[] {
  return ROLES.slice(roleRank(role));
}
