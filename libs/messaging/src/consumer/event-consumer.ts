import { Consumer, EachMessagePayload, Kafka, KafkaMessage } from 'kafkajs';
import { EventEnvelope, EventSchemaError, parseEventData, Topics, UnknownEventTypeError } from '@motcua/contracts';
import { newTraceId, runInTenant, traceIdFromTraceparent } from '@motcua/tenancy';
import { decodeEvent } from '../envelope-codec';
import { EventPublisher, KafkaEventPublisher, MessageHeaders } from '../event-publisher';
import { createKafkaClient, DEFAULT_RETRY, KafkaClientConfig } from '../kafka-client';
import { errorFields, MessagingLogger } from '../logger';
import { EnvelopeError, RetryLaterError } from '../messaging.errors';
import { backoffMs, delay, Sleeper } from '../sleep';
import { delayedRoundRobinAssigner } from './delayed-assigner';

export type EventHandler = (event: EventEnvelope) => Promise<void>;

export interface EventConsumerOptions {
  kafka: KafkaClientConfig;
  groupId: string;
  topics: string[];
  /** Handlers by event type; other types on the topics are skipped (and committed). */
  handlers: Record<string, EventHandler>;
  logger: MessagingLogger;
  /** Where a new group starts. Default false (latest). */
  fromBeginning?: boolean;
  /** Retries of a failing handler before the message is dead-lettered. Default 5. */
  maxRetries?: number;
  /** Back-off between handler retries: initial, doubled up to max. Defaults 200 ms, 10 s. */
  retryInitialMs?: number;
  retryMaxMs?: number;
  /** kafkajs fetch wait. Default 100 ms (kafkajs' 5 s default makes seconds of latency). */
  maxWaitTimeInMs?: number;
  /** Default 30 s / 3 s; tests: 6000 / 1000. */
  sessionTimeout?: number;
  heartbeatInterval?: number;
  /** The group leader waits this long before assigning partitions. Default 300 ms. */
  assignDelayMs?: number;
  /** Wait before recreating a crashed consumer (doubled per failed attempt, up to 30 s). Default 1 s. */
  recreateDelayMs?: number;
  /** Default Topics.deadLetter. */
  deadLetterTopic?: string;
  /** Producer for the dead-letter topic. Default: one of its own on the same brokers. */
  deadLetterPublisher?: EventPublisher;
}

/** Headers added to a dead-lettered message; its key, value and original headers are unchanged. */
export const DeadLetterHeaders = {
  originalTopic: 'dlq_original_topic',
  originalPartition: 'dlq_original_partition',
  originalOffset: 'dlq_original_offset',
  consumerGroup: 'dlq_consumer_group',
  error: 'dlq_error',
  errorName: 'dlq_error_name',
  errorCode: 'dlq_error_code',
  attempts: 'dlq_attempts',
  failedAt: 'dlq_failed_at',
} as const;

/**
 * A Kafka consumer group member that checks every message before its handler runs: the
 * CloudEvents envelope (tenant included) and the data against the contracts schema. A message
 * that fails either is dead-lettered at once; a handler that keeps failing is retried with
 * back-off, then dead-lettered with its error. The offset is committed after each message.
 * Handlers run in the event's tenant context; make their effects idempotent with the Inbox.
 */
export class EventConsumer {
  private readonly kafka: Kafka;
  private readonly deadLetters: EventPublisher;
  private readonly ownPublisher?: KafkaEventPublisher;
  private readonly sleeper = new Sleeper();
  private consumer?: Consumer;
  private recreating?: Promise<void>;
  private stopping = false;
  private markJoined!: () => void;
  private readonly firstJoin = new Promise<void>((resolve) => (this.markJoined = resolve));

  constructor(private readonly options: EventConsumerOptions) {
    this.kafka = createKafkaClient(options.kafka, options.logger);
    if (options.deadLetterPublisher) {
      this.deadLetters = options.deadLetterPublisher;
    } else {
      this.ownPublisher = new KafkaEventPublisher(this.kafka, options.kafka);
      this.deadLetters = this.ownPublisher;
    }
  }

  async start(): Promise<void> {
    this.stopping = false;
    if (this.ownPublisher) await this.ownPublisher.connect();
    await this.runConsumer();
  }

  /** Resolves when the consumer has first joined its group (and has partitions assigned). */
  joined(): Promise<void> {
    return this.firstJoin;
  }

  /** Lets the message in hand finish, then leaves the group and disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.wake();
    await this.recreating;
    await this.consumer?.disconnect();
    await this.ownPublisher?.disconnect();
  }

  private async runConsumer(): Promise<void> {
    const { options } = this;
    const consumer = this.kafka.consumer({
      groupId: options.groupId,
      partitionAssigners: [delayedRoundRobinAssigner(options.assignDelayMs ?? 300)],
      sessionTimeout: options.sessionTimeout ?? 30_000,
      heartbeatInterval: options.heartbeatInterval ?? 3_000,
      maxWaitTimeInMs: options.maxWaitTimeInMs ?? 100,
      allowAutoTopicCreation: false,
      // Every crash goes through one path, recreate(): kafkajs' own restart reuses a consumer
      // whose state a crash may have broken (the mock's SyncGroup race ends in restart=false).
      retry: { ...(options.kafka.retry ?? DEFAULT_RETRY), restartOnFailure: async () => false },
    });
    this.consumer = consumer;
    consumer.on(consumer.events.GROUP_JOIN, ({ payload }) => {
      options.logger.info({ groupId: payload.groupId, memberId: payload.memberId, isLeader: payload.isLeader }, 'consumer joined its group');
      this.markJoined();
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      options.logger.error({ groupId: payload.groupId, restart: payload.restart, ...errorFields(payload.error) }, 'consumer crashed');
      if (!payload.restart && !this.stopping && consumer === this.consumer) this.recreating = this.recreate(consumer);
    });
    await consumer.connect();
    await consumer.subscribe({ topics: options.topics, fromBeginning: options.fromBeginning ?? false });
    await consumer.run({ autoCommit: false, eachMessage: (payload) => this.onMessage(consumer, payload) });
  }

  /** After a crash kafkajs has disconnected the consumer: replace it, retrying until it runs. */
  private async recreate(crashed: Consumer): Promise<void> {
    const { logger, groupId } = this.options;
    try {
      await crashed.disconnect();
    } catch (error) {
      // Handled: the crashed consumer is abandoned either way; its connections close with it.
      logger.warn({ groupId, ...errorFields(error) }, 'crashed consumer did not disconnect cleanly');
    }
    for (let attempt = 0; !this.stopping; attempt++) {
      await this.sleeper.sleep(backoffMs(attempt, this.options.recreateDelayMs ?? 1_000, 30_000));
      if (this.stopping) return;
      try {
        await this.runConsumer();
        logger.info({ groupId, attempt }, 'consumer recreated after a crash');
        return;
      } catch (error) {
        // Handled: retried with back-off until the broker answers or stop() is called.
        logger.error({ groupId, attempt, ...errorFields(error) }, 'could not recreate the consumer; retrying');
      }
    }
  }

  private async onMessage(consumer: Consumer, { topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    await this.process(topic, partition, message, heartbeat);
    try {
      await consumer.commitOffsets([{ topic, partition, offset: (BigInt(message.offset) + 1n).toString() }]);
    } catch (error) {
      throw new Error(`Could not commit ${topic}/${partition}@${message.offset}; the message will be redelivered`, { cause: error });
    }
  }

  private async process(topic: string, partition: number, message: KafkaMessage, heartbeat: () => Promise<void>): Promise<void> {
    const { logger, groupId, handlers } = this.options;
    const at = { groupId, topic, partition, offset: message.offset };
    let envelope: EventEnvelope;
    try {
      envelope = decodeEvent(message);
    } catch (error) {
      if (!(error instanceof EnvelopeError)) throw error;
      return this.deadLetter(topic, partition, message, error, 0);
    }
    const ids = { ...at, eventId: envelope.id, eventType: envelope.type, tenantId: envelope.tenantid };
    const handler = Object.hasOwn(handlers, envelope.type) ? handlers[envelope.type] : undefined;
    if (!handler) return;
    try {
      envelope = { ...envelope, data: parseEventData(envelope.type, envelope.data) };
    } catch (error) {
      if (!(error instanceof EventSchemaError || error instanceof UnknownEventTypeError)) throw error;
      return this.deadLetter(topic, partition, message, error, 0);
    }
    const context = { tenantId: envelope.tenantid, traceId: traceIdFromTraceparent(envelope.traceparent) ?? newTraceId() };
    const event = envelope;
    const maxRetries = this.options.maxRetries ?? 5;
    let failures = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        await runInTenant(context, () => handler(event));
        return;
      } catch (error) {
        // Handled: retried with back-off, then dead-lettered with the error — or, for a
        // dependency that is away (RetryLaterError), retried until it is back.
        if (error instanceof RetryLaterError) {
          if (this.stopping) throw new Error(`Stopping while ${ids.eventId} waits for a dependency; it will be redelivered`, { cause: error });
          const waitMs = backoffMs(Math.min(attempt, 16), this.options.retryInitialMs ?? 200, this.options.retryMaxMs ?? 10_000);
          logger.warn({ ...ids, attempt: attempt + 1, retryInMs: waitMs, ...errorFields(error) }, 'event handler waits for a dependency; retrying');
          await delay(waitMs);
          await heartbeat();
          continue;
        }
        if (failures >= maxRetries) return this.deadLetter(topic, partition, message, error, failures + 1);
        failures += 1;
        const waitMs = backoffMs(failures - 1, this.options.retryInitialMs ?? 200, this.options.retryMaxMs ?? 10_000);
        logger.warn({ ...ids, attempt: failures, retryInMs: waitMs, ...errorFields(error) }, 'event handler failed; retrying');
        await delay(waitMs);
        await heartbeat();
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: unknown, attempts: number): Promise<void> {
    const { logger, groupId } = this.options;
    const deadLetterTopic = this.options.deadLetterTopic ?? Topics.deadLetter;
    const headers: MessageHeaders = {};
    for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = value;
    const code = error instanceof Error ? (error as { code?: unknown }).code : undefined;
    Object.assign(headers, {
      [DeadLetterHeaders.originalTopic]: topic,
      [DeadLetterHeaders.originalPartition]: String(partition),
      [DeadLetterHeaders.originalOffset]: message.offset,
      [DeadLetterHeaders.consumerGroup]: groupId,
      [DeadLetterHeaders.error]: (error instanceof Error ? error.message : String(error)).slice(0, 2_000),
      [DeadLetterHeaders.errorName]: error instanceof Error ? error.name : typeof error,
      [DeadLetterHeaders.attempts]: String(attempts),
      [DeadLetterHeaders.failedAt]: new Date().toISOString(),
      ...(typeof code === 'string' ? { [DeadLetterHeaders.errorCode]: code } : {}),
    });
    try {
      await this.deadLetters.publish([{ topic: deadLetterTopic, key: message.key ?? null, value: message.value, headers }]);
    } catch (publishError) {
      throw new Error(`Could not dead-letter ${topic}/${partition}@${message.offset}; it will be redelivered`, { cause: publishError });
    }
    logger.error({ groupId, topic, partition, offset: message.offset, attempts, deadLetterTopic, ...errorFields(error) }, 'message dead-lettered');
  }
}
