import { z } from 'zod';

export class ConfigError extends Error {
  constructor(
    readonly service: string,
    readonly problems: string[],
  ) {
    super(`${service}: invalid configuration\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const port = z.coerce.number().int().min(0).max(65535);
const brokers = z
  .string()
  .min(1)
  .transform((value) => value.split(',').map((broker) => broker.trim()).filter(Boolean));

/** Settings every service reads. A service extends this schema with its own. */
export const baseServiceEnv = z.object({
  HTTP_PORT: port.default(0),
  HTTP_HOST: z.string().default('127.0.0.1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
});

export const grpcServiceEnv = baseServiceEnv.extend({
  GRPC_URL: z.string().regex(/^[\w.-]+:\d+$/, 'host:port').default('127.0.0.1:0'),
});

export const databaseEnv = z.object({
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
});

export const kafkaEnv = z.object({
  KAFKA_BROKERS: brokers,
  KAFKA_IDEMPOTENT_PRODUCER: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  KAFKA_MAX_WAIT_MS: z.coerce.number().int().min(1).default(100),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(1000).default(10_000),
  KAFKA_HEARTBEAT_MS: z.coerce.number().int().min(100).default(1_000),
  OUTBOX_RELAY_DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }),
});

/** Reads and validates the environment once at bootstrap; every problem is listed, then the service refuses to start. */
export function loadConfig<TSchema extends z.ZodType>(service: string, schema: TSchema, env: NodeJS.ProcessEnv = process.env): z.infer<TSchema> {
  const result = schema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      service,
      result.error.issues.map((issue) => `${issue.path.join('.') || '(environment)'}: ${issue.message}`),
    );
  }
  return result.data;
}
