import { Kafka, Partitioners, Producer } from 'kafkajs';
import { KafkaClientConfig } from './kafka-client';

/** One record to publish. Headers and value are sent as they are. */
export interface OutgoingMessage {
  topic: string;
  key: string | Buffer | null;
  value: string | Buffer | null;
  headers: MessageHeaders;
}

export type MessageHeaders = Record<string, string | Buffer | (string | Buffer)[]>;

/**
 * The producer port: the only way code in this repository writes to Kafka, so a move away
 * from kafkajs touches this lib only. `publish` resolves once every broker in sync has the
 * records (acks = all), or rejects and nothing may be assumed published.
 */
export interface EventPublisher {
  publish(messages: OutgoingMessage[]): Promise<void>;
}

/** kafkajs producer: acks -1, one request in flight (order kept on retry), idempotent on request only. */
export class KafkaEventPublisher implements EventPublisher {
  private readonly producer: Producer;
  private connected = false;

  constructor(kafka: Kafka, config: Pick<KafkaClientConfig, 'idempotentProducer'> = {}) {
    this.producer = kafka.producer({
      allowAutoTopicCreation: false,
      // murmur2 on the key, as the Java client: other clients put a key on the same partition.
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: config.idempotentProducer ?? false,
      maxInFlightRequests: 1,
    });
  }

  async connect(): Promise<void> {
    await this.producer.connect();
    this.connected = true;
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    if (!this.connected) await this.connect();
    const byTopic = new Map<string, Omit<OutgoingMessage, 'topic'>[]>();
    for (const { topic, key, value, headers } of messages) {
      const list = byTopic.get(topic) ?? [];
      list.push({ key, value, headers });
      byTopic.set(topic, list);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, topicMessages]) => ({ topic, messages: topicMessages })),
    });
  }

  async disconnect(): Promise<void> {
    this.connected = false;
    await this.producer.disconnect();
  }
}
