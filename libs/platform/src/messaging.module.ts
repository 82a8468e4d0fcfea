import { BeforeApplicationShutdown, DynamicModule, Inject, Injectable, Module, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Admin } from 'kafkajs';
import { Logger, Readiness, ServiceMetrics } from '@motcua/observability';
import {
  createKafkaClient,
  EventConsumer,
  EventHandler,
  Inbox,
  KafkaClientConfig,
  KafkaEventPublisher,
  OutboxRelay,
  OutboxWriter,
} from '@motcua/messaging';
import { SERVICE_LOGGER } from './tokens';

export interface MessagingOptions {
  service: string;
  brokers: string[];
  idempotentProducer: boolean;
  /** The service's outbox relay role connection URL. */
  relayUrl: string;
  maxWaitTimeInMs: number;
  sessionTimeoutMs: number;
  heartbeatIntervalMs: number;
}

export interface ConsumerRegistration {
  /** Unique within the service; the Kafka group is `motcua.<service>.<name>`. */
  name: string;
  topics: string[];
  handlers: Record<string, EventHandler>;
}

const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');

/**
 * Owns the service's Kafka side: the producer behind the outbox relay, the consumers the
 * service registers, readiness of the broker, and their orderly start and stop.
 */
@Injectable()
export class EventConsumers implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
  private readonly consumers: EventConsumer[] = [];
  private readonly kafkaConfig: KafkaClientConfig;
  private readonly publisher: KafkaEventPublisher;
  private readonly admin: Admin;
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(SERVICE_LOGGER) private readonly logger: Logger,
    readiness: Readiness,
    metrics: ServiceMetrics,
  ) {
    this.kafkaConfig = { brokers: options.brokers, clientId: `motcua-${options.service}`, idempotentProducer: options.idempotentProducer };
    const kafka = createKafkaClient(this.kafkaConfig, logger);
    this.publisher = new KafkaEventPublisher(kafka, this.kafkaConfig);
    this.admin = kafka.admin();
    this.relay = new OutboxRelay({
      service: options.service,
      url: options.relayUrl,
      publisher: this.publisher,
      logger,
      onPublished: (batch) => metrics.eventsPublished.inc(batch.count),
    });
    readiness.register('kafka', async () => {
      await this.admin.describeCluster();
    });
  }

  /** Called by the service's consumer classes while the module initialises. */
  register(registration: ConsumerRegistration): void {
    this.consumers.push(
      new EventConsumer({
        kafka: this.kafkaConfig,
        groupId: `motcua.${this.options.service}.${registration.name}`,
        topics: registration.topics,
        handlers: registration.handlers,
        logger: this.logger,
        deadLetterPublisher: this.publisher,
        fromBeginning: true,
        maxWaitTimeInMs: this.options.maxWaitTimeInMs,
        sessionTimeout: this.options.sessionTimeoutMs,
        heartbeatInterval: this.options.heartbeatIntervalMs,
      }),
    );
  }

  /** Resolves when every registered consumer has joined its group (tests, the dev stack). */
  async joined(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.joined()));
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.publisher.connect();
    await this.admin.connect();
    this.relay.start();
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
  }

  /** Consumers first: the message in hand finishes, its effect and outbox row commit. */
  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }

  /** Then the relay publishes its last tick, and the producer leaves. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.admin.disconnect();
    await this.publisher.disconnect();
  }
}

@Module({})
export class MessagingModule {
  static forService(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      global: true,
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: OutboxWriter, useValue: new OutboxWriter(options.service) },
        { provide: Inbox, useValue: new Inbox(options.service) },
        EventConsumers,
      ],
      exports: [OutboxWriter, Inbox, EventConsumers],
    };
  }
}
