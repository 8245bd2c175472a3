/**
 * Secrets at rest (a marketplace's API token): AES-256-GCM with a key from the configuration, the
 * record's identity as associated data (a sealed token copied to another workspace's row does not
 * open). Stored as `v1:<iv>:<tag>:<ciphertext>` in base64. Never logged, never answered.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { AppError } from './errors.ts';

export function sealSecret(key: Buffer, plaintext: string, associated: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associated, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), body.toString('base64')].join(
    ':',
  );
}

export function openSecret(key: Buffer, sealed: string, associated: string): string {
  const [v, iv, tag, body] = sealed.split(':');
  if (v !== 'v1' || !iv || !tag || body === undefined) {
    throw new AppError('CONFIG_INVALID', 'A stored secret is not in a known format; save it again');
  }
  try {
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    d.setAAD(Buffer.from(associated, 'utf8'));
    d.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([d.update(Buffer.from(body, 'base64')), d.final()]).toString('utf8');
  } catch (err) {
    throw new AppError(
      'MARKETPLACE_NOT_CONFIGURED',
      'A stored marketplace token cannot be opened with this OUTTASK_SECRETS_KEY (the key changed?): save the token again',
      undefined,
      { cause: err },
    );
  }
}
