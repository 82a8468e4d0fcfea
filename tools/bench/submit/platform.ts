// The platform as production runs it: one process per service (the dev stack's SERVICES), on
// ports chosen free at start so a dev stack or a test run alongside does not collide, with the
// Kafka mock and the local identity providers in or under this process.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync, readFileSync, WriteStream } from 'node:fs';
import { join } from 'node:path';
import { serviceDatabaseNames } from '@motcua/persistence';
import { freePort, KafkaBrokers, resolveKafkaBrokers } from '@motcua/testing';
import { startIdentity } from '../../dev/identity';
import { SERVICES, ServiceSpec } from '../../dev/services';
import type { LocalIdentity } from '../../oidc-dev/src';
import type { BenchDatabase } from './database';
import { findProcesses } from './proc-stats';

const ROOT = join(__dirname, '..', '..', '..');
const READY_TIMEOUT_MS = 120_000;
/** The services' own grace period (SHUTDOWN_GRACE_MS default) plus a margin, then SIGKILL. */
const STOP_TIMEOUT_MS = 15_000;

export interface ServiceProcess {
  name: string;
  pid: number;
  httpUrl: string;
  logFile: string;
}

export interface StopResult {
  name: string;
  exit: string;
  clean: boolean;
}

export interface RunningPlatform {
  gatewayUrl: string;
  identity: LocalIdentity;
  services: ServiceProcess[];
  /** The Kafka mock's process id, when this run started the mock. */
  kafkaMockPid?: number;
  /** Throws when a service exited while it should be running. */
  assertAlive(): void;
  /** Lines each service wrote to its log (at level warn, every line is a warning or an error). */
  logLines(): Record<string, number>;
  stop(): Promise<StopResult[]>;
}

interface Ports {
  http: number;
  grpc?: number;
}

interface Child {
  spec: ServiceSpec;
  process: ChildProcess;
  log: WriteStream;
  logFile: string;
  exited: Promise<string>;
}

function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

async function allocatePorts(): Promise<Map<string, Ports>> {
  const ports = new Map<string, Ports>();
  for (const spec of SERVICES) ports.set(spec.name, { http: await freePort(), grpc: spec.grpcPort ? await freePort() : undefined });
  return ports;
}

function portsOf(ports: Map<string, Ports>, name: string): Ports {
  const found = ports.get(name);
  if (!found) throw new Error(`No ports allocated for ${name}`);
  return found;
}

function serviceEnv(spec: ServiceSpec, ports: Map<string, Ports>, database: BenchDatabase, brokers: string[], extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  // The benchmark's DATABASE_URL / KAFKA_BROKERS name the server and the cluster, not a service's own settings.
  delete env.DATABASE_URL;
  delete env.KAFKA_BROKERS;
  for (const other of SERVICES) {
    const grpc = portsOf(ports, other.name).grpc;
    if (grpc) env[`${other.name.toUpperCase()}_GRPC_URL`] = `127.0.0.1:${grpc}`;
  }
  const own = portsOf(ports, spec.name);
  env.HTTP_HOST = '127.0.0.1';
  env.HTTP_PORT = String(own.http);
  env.LOG_LEVEL = 'warn';
  // One benchmark citizen sends far more than a person would: the gateway's rate limits
  // (0 = off) are not what is measured here.
  if (spec.name === 'gateway') {
    env.RATE_LIMIT_CLIENT_MAX = '0';
    env.RATE_LIMIT_TENANT_MAX = '0';
  }
  if (own.grpc) env.GRPC_URL = `127.0.0.1:${own.grpc}`;
  if (spec.database) {
    const roles = serviceDatabaseNames(spec.name);
    env.DATABASE_URL = database.urlAs(roles.appRole);
    env.OUTBOX_RELAY_DATABASE_URL = database.urlAs(roles.relayRole);
  }
  if (spec.kafka) env.KAFKA_BROKERS = brokers.join(',');
  return env;
}

export interface PlatformOptions {
  logDir: string;
  /** Write a V8 CPU profile of each service into logDir when it exits. */
  profile: boolean;
}

function spawnService(spec: ServiceSpec, env: NodeJS.ProcessEnv, options: PlatformOptions): Child {
  const logFile = join(options.logDir, `${spec.name}.log`);
  const log = createWriteStream(logFile, { flags: 'w' });
  const profile = options.profile ? ['--cpu-prof', `--cpu-prof-dir=${options.logDir}`, `--cpu-prof-name=${spec.name}.cpuprofile`] : [];
  const child = spawn(
    process.execPath,
    [...profile, '--disable-warning=TimeoutNegativeWarning', '-r', '@swc-node/register', join(ROOT, 'apps', spec.name, 'src', 'main.ts')],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  // 'close' comes after the output is drained, and also after a failed spawn ('error').
  let spawnError: string | undefined;
  child.once('error', (error) => {
    spawnError = `failed to start: ${error.message}`;
  });
  const exited = new Promise<string>((resolve) => child.once('close', (code, signal) => resolve(spawnError ?? describeExit(code, signal))));
  return { spec, process: child, log, logFile, exited };
}

async function waitReady(child: Child, httpUrl: string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.spec.name} exited (${describeExit(child.process.exitCode, child.process.signalCode)}) while starting; see ${child.logFile}`);
    }
    try {
      const response = await fetch(`${httpUrl}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      lastProblem = `health/ready answered ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      lastProblem = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${child.spec.name} was not ready within ${READY_TIMEOUT_MS} ms (${lastProblem}); see ${child.logFile}`);
}

async function stopChild(child: Child): Promise<StopResult> {
  if (child.process.pid !== undefined && child.process.exitCode === null && child.process.signalCode === null) child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
  const exit = await child.exited;
  clearTimeout(timer);
  await new Promise<void>((resolve) => child.log.end(resolve));
  return { name: child.spec.name, exit, clean: exit === 'code 0' };
}

function countLines(file: string): number {
  const text = readFileSync(file, 'utf8');
  return text.length === 0 ? 0 : text.split('\n').filter((line) => line.trim().length > 0).length;
}

/**
 * Starts the Kafka mock (or uses KAFKA_BROKERS), the identity providers and every service;
 * the data services start side by side, the gateway once they are ready.
 */
export async function startPlatform(database: BenchDatabase, options: PlatformOptions): Promise<RunningPlatform> {
  mkdirSync(options.logDir, { recursive: true });
  const kafka: KafkaBrokers = await resolveKafkaBrokers();
  const children: Child[] = [];
  let stopping = false;
  let failure: string | undefined;
  let identity: LocalIdentity | undefined;

  const stop = async (): Promise<StopResult[]> => {
    stopping = true;
    const results: StopResult[] = [];
    // The gateway first, then the services in reverse start order.
    for (const child of [...children].reverse()) results.push(await stopChild(child));
    await identity?.stop();
    await kafka.stop();
    return results.reverse();
  };

  try {
    const started = await startIdentity();
    identity = started.identity;
    const extra = { ...started.extraEnv, PSEUDONYM_KEY: randomBytes(32).toString('hex') };
    const ports = await allocatePorts();
    const start = (spec: ServiceSpec): Child => {
      const child = spawnService(spec, serviceEnv(spec, ports, database, kafka.brokers, extra), options);
      children.push(child);
      void child.exited.then((exit) => {
        if (!stopping) {
          failure ??= `${spec.name} exited (${exit}); see ${child.logFile}`;
          process.stderr.write(`bench: ${failure}\n`);
        }
      });
      return child;
    };
    const httpUrl = (spec: ServiceSpec) => `http://127.0.0.1:${portsOf(ports, spec.name).http}`;
    const backends = SERVICES.filter((spec) => spec.name !== 'gateway');
    const gateway = SERVICES.find((spec) => spec.name === 'gateway');
    if (!gateway) throw new Error('tools/dev/services.ts lists no gateway');
    await Promise.all(backends.map(start).map((child) => waitReady(child, httpUrl(child.spec))));
    await waitReady(start(gateway), httpUrl(gateway));

    const mockPids = [...findProcesses((stat) => stat.parentPid === process.pid && stat.command === 'kafka-mock').keys()];
    return {
      gatewayUrl: httpUrl(gateway),
      identity: started.identity,
      services: children.map((child) => ({
        name: child.spec.name,
        pid: child.process.pid ?? -1,
        httpUrl: httpUrl(child.spec),
        logFile: child.logFile,
      })),
      kafkaMockPid: kafka.mock ? mockPids[0] : undefined,
      assertAlive: () => {
        if (failure) throw new Error(failure);
      },
      logLines: () => Object.fromEntries(children.map((child) => [child.spec.name, countLines(child.logFile)])),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
