/** Session tokens, their hash, constant-time comparison, and who counts as local. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AccountPresence, isLocalRequest, isLoopbackAddress } from '../../../server/auth/local-mode.js';
import { hashToken, isTokenShaped, newToken, sameToken } from '../../../server/auth/tokens.js';

describe('tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const tokens = new Set(Array.from({ length: 100 }, newToken));
    expect(tokens.size).toBe(100);
    for (const token of tokens) {
      expect(isTokenShaped(token)).toBe(true);
      expect(Buffer.from(token, 'base64url')).toHaveLength(32);
    }
  });

  it('are stored as their SHA-256 in hex', () => {
    expect(hashToken('abc')).toBe(createHash('sha256').update('abc').digest('hex'));
    expect(hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('compare equal only when identical', () => {
    const token = newToken();
    expect(sameToken(token, token)).toBe(true);
    expect(sameToken(token, `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBe(false);
    expect(sameToken(token, '')).toBe(false);
    expect(isTokenShaped('short')).toBe(false);
    expect(isTokenShaped(`${'a'.repeat(42)};`)).toBe(false);
  });
});

describe('local requests', () => {
  it('are loopback peers, without proxy headers, addressed to localhost', () => {
    expect(isLoopbackAddress('127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('::1')).toBe(true);
    expect(isLoopbackAddress('::ffff:127.0.0.1')).toBe(true);
    expect(isLoopbackAddress('10.0.0.1')).toBe(false);
    expect(isLoopbackAddress('::ffff:10.0.0.1')).toBe(false);
    expect(isLoopbackAddress(undefined)).toBe(false);
    expect(isLocalRequest('127.0.0.1', { host: 'localhost:3000' })).toBe(true);
    expect(isLocalRequest('::1', { host: '[::1]:3000' })).toBe(true);
    expect(isLocalRequest('127.0.0.1', { host: '127.0.0.1' })).toBe(true);
    expect(isLocalRequest('192.168.1.5', { host: 'localhost:3000' })).toBe(false);
    expect(isLocalRequest('127.0.0.1', { host: 'localhost:3000', 'x-forwarded-for': '1.2.3.4' })).toBe(false);
    expect(isLocalRequest('127.0.0.1', { host: 'localhost:3000', forwarded: 'for=1.2.3.4' })).toBe(false);
    expect(isLocalRequest('127.0.0.1', { host: 'attacker.example:3000' })).toBe(false);
    expect(isLocalRequest('127.0.0.1', { host: 'localhost.attacker.example' })).toBe(false);
    expect(isLocalRequest('127.0.0.1', {})).toBe(false);
  });
});

describe('AccountPresence', () => {
  it('caches the answer for a second and forgets it when told', async () => {
    let accounts = 0;
    let asked = 0;
    const presence = new AccountPresence(async () => {
      asked += 1;
      return accounts;
    });
    expect(await presence.any(0)).toBe(false);
    accounts = 1;
    expect(await presence.any(Date.now())).toBe(false);
    expect(asked).toBe(1);
    presence.invalidate();
    expect(await presence.any(Date.now())).toBe(true);
    expect(asked).toBe(2);
  });
});
