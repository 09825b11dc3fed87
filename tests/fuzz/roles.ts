/**
 * Who the fuzzer is: each role gives the headers its requests carry. `anonymous` sends none (the
 * coordinator rights of local mode while no account exists, `public` once one does); the account
 * roles sign in as `fuzz-<role>` (created by run.ts on its throwaway server, or existing on a --url
 * server with the password in KOPRU_FUZZ_PASSWORD) and send the session cookie and its CSRF token.
 */
export type Role = (base: URL) => Promise<Record<string, string>>;

export const ACCOUNT_ROLES = ['analyst', 'coordinator', 'admin'] as const;

/** The accounts' password on the throwaway server; a --url server needs KOPRU_FUZZ_PASSWORD. */
export const FUZZ_PASSWORD = process.env.KOPRU_FUZZ_PASSWORD ?? 'a fuzzing passphrase of some length';

export const fuzzAccount = (role: string) => `fuzz-${role}`;

async function signIn(base: URL, name: string): Promise<Record<string, string>> {
  const res = await fetch(new URL('/api/session', base), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password: FUZZ_PASSWORD }),
  });
  if (!res.ok) throw new Error(`Signing in as ${name} failed: ${res.status} ${await res.text()}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!cookie) throw new Error(`Signing in as ${name} set no cookie`);
  return { cookie, 'x-csrf-token': csrfToken };
}

export const ROLES: Record<string, Role> = {
  anonymous: async () => ({}),
  // The same empty headers, run after the accounts exist: what a visitor without one can reach.
  public: async () => ({}),
  ...Object.fromEntries(ACCOUNT_ROLES.map((role) => [role, (base: URL) => signIn(base, fuzzAccount(role))])),
};
