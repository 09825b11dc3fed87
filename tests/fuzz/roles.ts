/**
 * Who the fuzzer is: each role gives the headers (a session cookie, a token) its requests carry.
 * `anonymous` sends none. Roles that need a login are added here when the server has them, e.g.
 *
 *   admin: async (base) => {
 *     const res = await fetch(new URL('/api/session', base), { method: 'POST', headers: { 'content-type': 'application/json' },
 *       body: JSON.stringify({ name: process.env.KOPRU_FUZZ_ADMIN, password: process.env.KOPRU_FUZZ_ADMIN_PASSWORD }) });
 *     return { cookie: res.headers.get('set-cookie')?.split(';')[0] ?? '' };
 *   },
 */
export type Role = (base: URL) => Promise<Record<string, string>>;

export const ROLES: Record<string, Role> = {
  anonymous: async () => ({}),
};
