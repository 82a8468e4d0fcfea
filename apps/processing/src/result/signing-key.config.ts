import { z } from 'zod';

/**
 * A development-only key-encryption key, so `npm start` and the tests run without a secret.
 * It is public (it is in the source): never accepted when NODE_ENV is 'production'.
 */
export const DEV_ONLY_SIGNING_KEY_ENCRYPTION_KEY = Buffer.from('motcua-DEV-ONLY-signing-kek-0000', 'ascii').toString('base64');

/** Settings of result signing, added to the processing service's environment schema. */
export const signingKeyEnv = {
  NODE_ENV: z.string().default('development'),
  /** AES-256-GCM key sealing the tenants' private signing keys: 32 bytes, base64. Required in production. */
  SIGNING_KEY_ENCRYPTION_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32 && /^[A-Za-z0-9+/]+={0,2}$/.test(value), '32 bytes, base64')
    .optional(),
};

/** Production refuses to start without its own key-encryption key. */
export function requireSigningKeyInProduction(env: { NODE_ENV: string; SIGNING_KEY_ENCRYPTION_KEY?: string }, context: z.RefinementCtx): void {
  if (env.NODE_ENV === 'production' && env.SIGNING_KEY_ENCRYPTION_KEY === undefined) {
    context.addIssue({ code: 'custom', path: ['SIGNING_KEY_ENCRYPTION_KEY'], message: 'required when NODE_ENV is production' });
  }
}

/** The configured key-encryption key, or the labelled development default outside production. */
export function signingKeyEncryptionKey(config: { NODE_ENV: string; SIGNING_KEY_ENCRYPTION_KEY?: string }): string {
  if (config.SIGNING_KEY_ENCRYPTION_KEY !== undefined) return config.SIGNING_KEY_ENCRYPTION_KEY;
  if (config.NODE_ENV === 'production') throw new Error('SIGNING_KEY_ENCRYPTION_KEY is required when NODE_ENV is production');
  return DEV_ONLY_SIGNING_KEY_ENCRYPTION_KEY;
}
