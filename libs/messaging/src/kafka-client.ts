import { Kafka, logCreator, logLevel, RetryOptions } from 'kafkajs';
import { MessagingLogger } from './logger';

export interface KafkaClientConfig {
  brokers: string[];
  clientId: string;
  /**
   * Idempotent producer: only against a real Kafka cluster. The mock cluster reports controller
   * id 0 while its brokers are 1..N, so an idempotent kafkajs producer fails there.
   */
  idempotentProducer?: boolean;
  connectionTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** kafkajs' own retries of one request (connection, produce). */
  retry?: RetryOptions;
  /** kafkajs log level forwarded to the logger. Default WARN. */
  logLevel?: logLevel;
}

export const DEFAULT_RETRY: RetryOptions = { initialRetryTime: 100, maxRetryTime: 2_000, retries: 5 };

const LOG_FIELDS = ['broker', 'groupId', 'memberId', 'topic', 'partition', 'clientId', 'retryCount', 'retryTime'] as const;

/** Forwards kafkajs' log lines to the injected logger, with ids and codes only. */
export function kafkaLogCreator(logger: MessagingLogger): logCreator {
  return () => (entry) => {
    const fields: Record<string, unknown> = { namespace: entry.namespace };
    for (const name of LOG_FIELDS) if (entry.log[name] !== undefined) fields[name] = entry.log[name];
    if (typeof entry.log.error === 'string') fields.kafkaError = entry.log.error.slice(0, 300);
    if (entry.level === logLevel.ERROR) logger.error(fields, entry.log.message);
    else if (entry.level === logLevel.WARN) logger.warn(fields, entry.log.message);
    else logger.info(fields, entry.log.message);
  };
}

export function createKafkaClient(config: KafkaClientConfig, logger: MessagingLogger): Kafka {
  if (config.brokers.length === 0) throw new Error('Kafka client needs at least one broker');
  return new Kafka({
    clientId: config.clientId,
    brokers: config.brokers,
    connectionTimeout: config.connectionTimeoutMs ?? 3_000,
    requestTimeout: config.requestTimeoutMs ?? 30_000,
    retry: config.retry ?? DEFAULT_RETRY,
    logLevel: config.logLevel ?? logLevel.WARN,
    logCreator: kafkaLogCreator(logger),
  });
}
