import { z } from 'zod';
import { dataServiceEnv, loadConfig } from '@motcua/platform';
import { requireSigningKeyInProduction, signingKeyEnv } from '../result/signing-key.config';

export type ProcessingConfig = ReturnType<typeof loadProcessingConfig>;

const workflowEnv = z.object({
  CATALOGUE_GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'host:port'),
  CATALOGUE_DEADLINE_MS: z.coerce.number().int().min(50).default(2_000),
  /** How often the scheduler looks for due timers. */
  SCHEDULER_POLL_MS: z.coerce.number().int().min(50).default(1_000),
  SCHEDULER_BATCH_SIZE: z.coerce.number().int().min(1).max(10_000).default(200),
  SCHEDULER_ENABLED: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
});

/** The only reader of the environment in this service. */
export function loadProcessingConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('processing', dataServiceEnv.extend(signingKeyEnv).extend(workflowEnv.shape).superRefine(requireSigningKeyInProduction), env);
}
