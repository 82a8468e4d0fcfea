import { z } from 'zod';
import { dataServiceEnv, loadConfig } from '@motcua/platform';

const schema = dataServiceEnv.extend({
  CATALOGUE_GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
  /** Secret of the per-tenant applicant pseudonyms in events (HMAC key). */
  PSEUDONYM_KEY: z.string().min(32, 'at least 32 characters'),
  CATALOGUE_DEADLINE_MS: z.coerce.number().int().min(50).default(2_000),
});

export type IntakeConfig = ReturnType<typeof loadIntakeConfig>;

/** The only reader of the environment in this service. */
export function loadIntakeConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('intake', schema, env);
}
