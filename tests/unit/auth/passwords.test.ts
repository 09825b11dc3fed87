/** argon2id at the OWASP parameters, the password policy, and the dummy hash for unknown users. */
import { describe, expect, it } from 'vitest';
import {
  ARGON2_OPTIONS,
  checkNewPassword,
  dummyHash,
  hashPassword,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from '../../../server/auth/passwords.js';
import { ValidationError } from '../../../server/errors.js';

describe('hashPassword', () => {
  it('writes an argon2id PHC string with m=19456 KiB, t=2, p=1 (OWASP Password Storage Cheat Sheet)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(ARGON2_OPTIONS).toMatchObject({ memoryCost: 19_456, timeCost: 2, parallelism: 1 });
  });

  it('salts every hash: the same password twice gives two different hashes, both verify', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password here'),
      hashPassword('same password here'),
    ]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'same password here')).toBe(true);
    expect(await verifyPassword(b, 'same password here')).toBe(true);
    expect(await verifyPassword(a, 'same password herE')).toBe(false);
  });

  it('treats composed and decomposed Turkish letters as the same password (NFC)', async () => {
    const hash = await hashPassword('köprü şehir ağı 2019');
    expect(await verifyPassword(hash, 'köprü şehir ağı 2019'.normalize('NFD'))).toBe(true);
  });

  it('never throws on a malformed stored hash', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever password')).toBe(false);
    expect(await verifyPassword(await dummyHash(), 'whatever password')).toBe(false);
  });
});

describe('checkNewPassword', () => {
  it(`asks for at least ${PASSWORD_MIN_LENGTH} characters, counted as characters not bytes`, () => {
    expect(() => checkNewPassword('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toThrow(ValidationError);
    expect(() => checkNewPassword('ş'.repeat(PASSWORD_MIN_LENGTH))).not.toThrow();
    expect(() => checkNewPassword('x'.repeat(1025))).toThrow(/at most 1024/);
  });
});
