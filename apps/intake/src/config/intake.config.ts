import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { dataServiceEnv, loadConfig } from '@motcua/platform';

const schema = dataServiceEnv.extend({
  CATALOGUE_GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
  /** Secret of the per-tenant applicant pseudonyms in events (HMAC key). */
  PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters'),
  CATALOGUE_DEADLINE_MS: z.coerce.number().int().min(50).default(2_000),
  /** Root directory of the local document storage (production: an S3-compatible store, not written yet). */
  DOCUMENT_STORAGE_DIR: z.string().min(1).default(join(tmpdir(), 'motcua-documents')),
  /** Largest accepted upload in bytes (default 10 MiB). */
  DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
});

export type IntakeConfig = ReturnType<typeof loadIntakeConfig>;

/** The only reader of the environment in this service. */
export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('intake', schema, env);
}
