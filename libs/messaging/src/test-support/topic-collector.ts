// Used by this lib's integration specs only (not exported): reads whole topics into memory.
import { Consumer, IHeaders, Kafka, logLevel } from 'kafkajs';
import { delayedRoundRobinAssigner } from '../consumer/delayed-assigner';
import { readHeader } from '../envelope-codec';

export interface CollectedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

/** A plain kafkajs consumer in its own group, from the beginning of the topics. */
export class TopicCollector {
  readonly messages: CollectedMessage[] = [];
  private readonly consumer: Consumer;
  private joined!: () => void;
  private readonly firstJoin = new Promise<void>((resolve) => (this.joined = resolve));

  constructor(
    brokers: string[],
    private readonly topics: string[],
  ) {
    const kafka = new Kafka({ clientId: 'topic-collector', brokers, logLevel: logLevel.NOTHING });
    this.consumer = kafka.consumer({
      groupId: `collector-${topics.join('-')}-${Date.now()}`,
      partitionAssigners: [delayedRoundRobinAssigner(300)],
      maxWaitTimeInMs: 50,
      sessionTimeout: 6_000,
      heartbeatInterval: 1_000,
      allowAutoTopicCreation: false,
    });
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => this.joined());
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString('utf8') ?? null,
          value: message.value?.toString('utf8') ?? null,
          headers: textHeaders(message.headers),
        });
      },
    });
  }

  whenJoined(): Promise<void> {
    return this.firstJoin;
  }

  /** Waits until `predicate` holds for the collected messages, or fails after `timeoutMs`. */
  async waitFor(predicate: (messages: CollectedMessage[]) => boolean, timeoutMs = 10_000): Promise<CollectedMessage[]> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(this.messages)) {
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms; collected ${this.messages.length} messages`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.messages;
  }

  stop(): Promise<void> {
    return this.consumer.disconnect();
  }
}

function textHeaders(headers: IHeaders | undefined): Record<string, string> {
  const text: Record<string, string> = {};
  for (const name of Object.keys(headers ?? {})) {
    const value = readHeader(headers, name);
    if (value !== undefined) text[name] = value;
  }
  return text;
}

/** Polls until `check` resolves true. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A logger that keeps its lines, for assertions and for a failing test's output. */
export function memoryLogger(): { lines: { level: string; obj: Record<string, unknown>; msg: string }[]; info: Log; warn: Log; error: Log } {
  const lines: { level: string; obj: Record<string, unknown>; msg: string }[] = [];
  const at = (level: string): Log => (obj, msg) => lines.push({ level, obj, msg });
  return { lines, info: at('info'), warn: at('warn'), error: at('error') };
}

type Log = (obj: Record<string, unknown>, msg: string) => void;
