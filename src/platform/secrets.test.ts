import { describe, expect, it } from 'vitest';
import { secretsKeyOf } from './config.ts';
import { AppError } from './errors.ts';
import { openSecret, sealSecret } from './secrets.ts';

const key = Buffer.alloc(32, 1);

describe('sealed secrets', () => {
  it('open with the key and the same record, never show the plaintext', () => {
    const sealed = sealSecret(key, 'fl-token-secret', 'marketplace-token:ws1:freelancer');
    expect(sealed).not.toContain('fl-token-secret');
    expect(sealSecret(key, 'fl-token-secret', 'x')).not.toBe(sealSecret(key, 'fl-token-secret', 'x'));
    expect(openSecret(key, sealed, 'marketplace-token:ws1:freelancer')).toBe('fl-token-secret');
  });

  it('do not open for another workspace’s record, with another key, or tampered', () => {
    const sealed = sealSecret(key, 'tok', 'marketplace-token:ws1:freelancer');
    const code = (f: () => unknown) => {
      try {
        f();
        return 'opened';
      } catch (e) {
        return e instanceof AppError ? e.code : 'other';
      }
    };
    expect(code(() => openSecret(key, sealed, 'marketplace-token:ws2:freelancer'))).toBe(
      'MARKETPLACE_NOT_CONFIGURED',
    );
    expect(code(() => openSecret(Buffer.alloc(32, 2), sealed, 'marketplace-token:ws1:freelancer'))).toBe(
      'MARKETPLACE_NOT_CONFIGURED',
    );
    const parts = sealed.split(':');
    parts[3] = Buffer.from('tak').toString('base64');
    expect(code(() => openSecret(key, parts.join(':'), 'marketplace-token:ws1:freelancer'))).toBe(
      'MARKETPLACE_NOT_CONFIGURED',
    );
  });

  it('the key is 32 bytes as hex or base64, else a configuration error', () => {
    expect(secretsKeyOf('ab'.repeat(32))).toHaveLength(32);
    expect(secretsKeyOf(Buffer.alloc(32, 9).toString('base64'))).toHaveLength(32);
    expect(() => secretsKeyOf('short')).toThrow(/32 bytes/);
  });
});
