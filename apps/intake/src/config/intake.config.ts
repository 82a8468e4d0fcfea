import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { dataServiceEnv, loadConfig } from '@motcua/platform';

/** The S3 settings, each required when DOCUMENT_STORAGE=s3. */
const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_REGION', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const;

const schema = dataServiceEnv
  .extend({
    CATALOGUE_GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
    /** Secret of the per-tenant applicant pseudonyms in events (HMAC key). */
    PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters'),
    CATALOGUE_DEADLINE_MS: z.coerce.number().int().min(50).default(2_000),
    /** Processing's gRPC endpoint: the signed result PDFs filed in applicants' wallets. */
    PROCESSING_GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
    PROCESSING_DEADLINE_MS: z.coerce.number().int().min(50).default(5_000),
    /** Where uploaded documents live: `local` (a directory, the default) or `s3` (an S3-compatible store). */
    DOCUMENT_STORAGE: z.enum(['local', 's3']).default('local'),
    /** Root directory of the local document storage. */
    DOCUMENT_STORAGE_DIR: z.string().min(1).default(join(tmpdir(), 'motcua-documents')),
    /** S3 endpoint for path-style requests, e.g. `https://s3.ap-southeast-1.amazonaws.com` or `http://minio:9000`. */
    S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'an http(s) URL' }).optional(),
    S3_BUCKET: z
      .string()
      .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'an S3 bucket name (3-63 lower-case letters, digits, dots, hyphens)')
      .optional(),
    S3_REGION: z.string().regex(/^[a-z0-9-]+$/, 'a region name such as us-east-1').optional(),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    /** `AES256`: ask the store to encrypt each object; unset: the bucket's default encryption applies. */
    S3_SERVER_SIDE_ENCRYPTION: z.enum(['AES256']).optional(),
    S3_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
    /** Largest accepted upload in bytes (default 10 MiB). */
    DOCUMENT_MAX_BYTES: z.coerce.number().int().min(1).max(100 * 1024 * 1024).default(10 * 1024 * 1024),
  })
  .superRefine((env, context) => {
    if (env.DOCUMENT_STORAGE !== 's3') return;
    for (const name of S3_REQUIRED) {
      if (env[name] === undefined) context.addIssue({ code: 'custom', path: [name], message: 'required when DOCUMENT_STORAGE=s3' });
    }
  });

export type IntakeConfig = ReturnType<typeof loadIntakeConfig>;

/** The only reader of the environment in this service. */
export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('intake', schema, env);
}
