import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { Kafka, logLevel } from 'kafkajs';
import { KAFKA_MOCK_BINARY } from '@motcua/testing';

/** The CLI contract of tools/kafka-mock/bin/kafka-mock, which the tests and the dev stack rely on. */
describe('kafka-mock CLI', () => {
  it('prints one BOOTSTRAP line, answers control lines, refuses unknown topics and exits at EOF', async () => {
    const child = spawn(KAFKA_MOCK_BINARY, ['--brokers', '2', 'probe.a.v1:3'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const next = async () => (await lines.next()).value as string;
    const exited = once(child, 'exit');

    const bootstrap = await next();
    expect(bootstrap).toMatch(/^BOOTSTRAP 127\.0\.0\.1:\d+,127\.0\.0\.1:\d+$/);
    const brokers = bootstrap.split(' ')[1].split(',');

    const producer = new Kafka({ brokers, logLevel: logLevel.NOTHING, retry: { retries: 1, initialRetryTime: 50 } }).producer({
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    try {
      await expect(producer.send({ topic: 'probe.a.v1', messages: [{ key: 'k', value: 'v' }] })).resolves.toHaveLength(1);
      await expect(producer.send({ topic: 'probe.misspelt.v1', messages: [{ value: 'v' }] })).rejects.toThrow(/does not host this topic-partition/);
    } finally {
      await producer.disconnect();
    }

    child.stdin.write('down 2\n');
    expect(await next()).toBe('OK down 2');
    child.stdin.write('up 2\n');
    expect(await next()).toBe('OK up 2');
    child.stdin.write('sideways 1\n');
    expect(await next()).toMatch(/^ERR unknown command/);

    child.stdin.end();
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it.each([[['topic-without-partitions']], [['t:0']], [['--brokers', '0', 't:1']]])('exits with code 2 on bad arguments %p', (args) => {
    const result = spawnSync(KAFKA_MOCK_BINARY, args, { input: '', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
  });
});
