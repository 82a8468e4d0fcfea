import { ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TopicPartitions } from '@motcua/contracts';

/** A running Kafka mock cluster (tools/kafka-mock): every message is lost when it stops. */
export interface KafkaMock {
  brokers: string[];
  /** Disconnects the broker (1..N) and refuses new connections; it keeps its port. */
  setBrokerDown(brokerId: number): Promise<void>;
  setBrokerUp(brokerId: number): Promise<void>;
  stop(): Promise<void>;
}

export interface KafkaMockOptions {
  /** Number of brokers, numbered 1..N. Default 1. */
  brokers?: number;
  /** Topic → partition count. Default: every topic of the contracts' TopicPartitions. */
  topics?: Record<string, number>;
  /** Path of the binary. Default: tools/kafka-mock/bin/kafka-mock, or MOTCUA_KAFKA_MOCK_BIN. */
  binary?: string;
  readyTimeoutMs?: number;
}

export interface KafkaBrokers {
  brokers: string[];
  /** The started mock, when KAFKA_BROKERS was not set. */
  mock?: KafkaMock;
  stop(): Promise<void>;
}

const WORKSPACE_ROOT = join(__dirname, '..', '..', '..');
export const KAFKA_MOCK_BINARY = join(WORKSPACE_ROOT, 'tools', 'kafka-mock', 'bin', 'kafka-mock');

export class KafkaMockError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'KafkaMockError';
  }
}

/** Starts the Kafka mock cluster and waits until it prints its bootstrap servers. */
export async function startKafkaMock(options: KafkaMockOptions = {}): Promise<KafkaMock> {
  const binary = options.binary ?? process.env.MOTCUA_KAFKA_MOCK_BIN ?? KAFKA_MOCK_BINARY;
  if (!existsSync(binary)) {
    throw new KafkaMockError(`Kafka mock binary not found at ${binary}: run tools/scripts/setup.sh`);
  }
  const topics = Object.entries(options.topics ?? TopicPartitions).map(([topic, partitions]) => `${topic}:${partitions}`);
  const child = spawn(binary, ['--brokers', String(options.brokers ?? 1), ...topics], { stdio: ['pipe', 'pipe', 'pipe'] });
  return new RunningKafkaMock(child).ready(options.readyTimeoutMs ?? 10_000);
}

/** KAFKA_BROKERS (comma separated) when set, else a freshly started mock with every contracts topic. */
export async function resolveKafkaBrokers(env: NodeJS.ProcessEnv = process.env): Promise<KafkaBrokers> {
  const configured = env.KAFKA_BROKERS?.split(',').map((broker) => broker.trim()).filter(Boolean) ?? [];
  if (configured.length > 0) return { brokers: configured, stop: async () => undefined };
  const mock = await startKafkaMock();
  return { brokers: mock.brokers, mock, stop: () => mock.stop() };
}

class RunningKafkaMock implements KafkaMock {
  brokers: string[] = [];
  private readonly replies: ((line: string) => void)[] = [];
  private readonly exited: Promise<number | null>;
  private stderr = '';
  private onBootstrap?: (line: string) => void;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stderr.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString('utf8')).slice(-4000);
    });
    // A write after the process died raises EPIPE here; the pending command then fails on exit.
    child.stdin.on('error', () => this.failPending('stdin closed'));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (this.onBootstrap) this.onBootstrap(line);
      else this.replies.shift()?.(line);
    });
    void this.exited.then(() => this.failPending(`exited; stderr: ${this.stderr.trim()}`));
  }

  ready(timeoutMs: number): Promise<KafkaMock> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        reject(new KafkaMockError(`Kafka mock did not print BOOTSTRAP within ${timeoutMs} ms; stderr: ${this.stderr.trim()}`));
      }, timeoutMs);
      void this.exited.then((code) => {
        clearTimeout(timer);
        reject(new KafkaMockError(`Kafka mock exited with code ${code} before it was ready; stderr: ${this.stderr.trim()}`));
      });
      this.onBootstrap = (line) => {
        this.onBootstrap = undefined;
        clearTimeout(timer);
        const match = /^BOOTSTRAP (\S+)$/.exec(line);
        if (!match) {
          this.child.kill('SIGKILL');
          reject(new KafkaMockError(`Unexpected first line from the Kafka mock: ${line.slice(0, 200)}`));
          return;
        }
        this.brokers = match[1].split(',');
        resolve(this);
      };
    });
  }

  setBrokerDown(brokerId: number): Promise<void> {
    return this.command(`down ${brokerId}`);
  }

  setBrokerUp(brokerId: number): Promise<void> {
    return this.command(`up ${brokerId}`);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }

  private command(line: string): Promise<void> {
    if (!Number.isInteger(Number(line.split(' ')[1]))) return Promise.reject(new KafkaMockError(`Invalid broker id in ${line}`));
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return Promise.reject(new KafkaMockError(`Kafka mock is not running (${line})`));
    }
    return new Promise((resolve, reject) => {
      this.replies.push((reply) => (reply.startsWith('OK') ? resolve() : reject(new KafkaMockError(`Kafka mock refused "${line}": ${reply}`))));
      this.child.stdin.write(`${line}\n`);
    });
  }

  private failPending(reason: string): void {
    for (const reply of this.replies.splice(0)) reply(`ERR ${reason}`);
  }
}
