/**
 * Password hashing with argon2id at the OWASP Password Storage Cheat Sheet's first recommended
 * setting: m = 19 MiB (19456 KiB), t = 2 iterations, p = 1. The parameters are stored in each hash
 * (PHC string), so raising them later still verifies old hashes.
 */
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { ValidationError } from '../errors.js';

/** `Algorithm.Argon2id`; the enum is a `const enum`, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

export const ARGON2_OPTIONS: Readonly<Options> = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
});

/**
 * OWASP Authentication Cheat Sheet / NIST SP 800-63B: without a second factor, at least 15
 * characters; long passphrases allowed (the maximum only guards the hash function from huge inputs);
 * any character, no composition rules.
 */
export const PASSWORD_MIN_LENGTH = 15;
export const PASSWORD_MAX_LENGTH = 1024;

/** Throws a ValidationError when a new password does not meet the policy. */
export function checkNewPassword(password: string): void {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new ValidationError(`The password needs at least ${PASSWORD_MIN_LENGTH} characters`, [
      {
        column: 'password',
        reason: `at least ${PASSWORD_MIN_LENGTH} characters (a few words make a good one)`,
      },
    ]);
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new ValidationError(`The password may have at most ${PASSWORD_MAX_LENGTH} characters`, [
      { column: 'password', reason: `at most ${PASSWORD_MAX_LENGTH} characters` },
    ]);
  }
}

export function hashPassword(password: string): Promise<string> {
  return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

/** False for a wrong password and for a malformed stored hash (never throws on either). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > PASSWORD_MAX_LENGTH * 4) return false;
  try {
    return await verify(passwordHash, password.normalize('NFC'));
  } catch {
    return false;
  }
}

let dummy: Promise<string> | null = null;

/**
 * Signing in as an unknown user verifies against this hash, so the answer takes as long as for a
 * known user with a wrong password (no user enumeration by timing).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('köprü-dummy-password-never-matches');
  return dummy;
}
