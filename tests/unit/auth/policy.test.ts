/** The policy table's lookups and the role order. */
import { describe, expect, it } from 'vitest';
import { atLeast, roleRank, ROLES } from '../../../server/auth/roles.js';
import { allows, findPolicy, matchesPattern, POLICY, type PolicyEntry } from '../../../server/http/policy.js';

describe('roles', () => {
  it('are ordered public < analyst < coordinator < admin, each including the ones below', () => {
    expect(ROLES).toEqual(['public', 'analyst', 'coordinator', 'admin']);
    expect(atLeast('coordinator')).toEqual(['coordinator', 'admin']);
    expect(atLeast('public')).toEqual(ROLES);
    expect(roleRank('admin')).toBeGreaterThan(roleRank('analyst'));
  });
});

describe('matchesPattern', () => {
  it('matches one segment per parameter, no more, no less', () => {
    expect(matchesPattern('/api/organizations/:id', '/api/organizations/ngo-001')).toBe(true);
    expect(matchesPattern('/api/organizations/:id', '/api/organizations')).toBe(false);
    expect(matchesPattern('/api/organizations/:id', '/api/organizations/a/b')).toBe(false);
    expect(matchesPattern('/api/organizations', '/api/organizations/')).toBe(true);
    expect(matchesPattern('/api/users/:name', '/api/users/a%2Fb')).toBe(true);
  });
});

describe('findPolicy', () => {
  it('finds the entry of a request, HEAD as GET', () => {
    expect(findPolicy('GET', '/api/organizations/ngo-001')?.roles).toEqual(atLeast('analyst'));
    expect(findPolicy('HEAD', '/api/health')?.roles).toEqual(ROLES);
    expect(findPolicy('POST', '/api/uploads/commit')?.roles).toEqual(['coordinator', 'admin']);
    expect(findPolicy('DELETE', '/api/users/bob')?.roles).toEqual(['admin']);
  });

  it('has no entry for an unknown path or method (the request is denied with 404)', () => {
    expect(findPolicy('GET', '/api/secret')).toBeNull();
    expect(findPolicy('PUT', '/api/dataset')).toBeNull();
    expect(findPolicy('GET', '/api/DATASET')).toBeNull();
  });

  it('prefers a literal entry over a pattern', () => {
    const table: PolicyEntry[] = [
      { method: 'GET', path: '/api/x/:id', roles: atLeast('analyst') },
      { method: 'GET', path: '/api/x/open', roles: atLeast('public') },
    ];
    expect(findPolicy('GET', '/api/x/open', table)?.path).toBe('/api/x/open');
    expect(findPolicy('GET', '/api/x/other', table)?.path).toBe('/api/x/:id');
  });

  it('gives the public only health, the API description, the session and what is published', () => {
    const open = POLICY.filter((entry) => allows(entry, 'public')).map((e) => `${e.method} ${e.path}`);
    expect(open.sort()).toEqual(
      [
        'DELETE /api/session',
        'GET /api/health',
        'GET /api/openapi.json',
        'GET /api/public/map',
        'GET /api/public/releases',
        'GET /api/session',
        'POST /api/session',
      ].sort(),
    );
  });
});
