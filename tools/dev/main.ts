// The dev stack: `npm start`. Uses DATABASE_URL / KAFKA_BROKERS when set, else the local or an
// embedded PostgreSQL and the Kafka mock broker; migrates, starts every service, seeds a demo
// province with a demo procedure, prints the gateway URL. Ctrl-C stops everything.
import '../testing/workspace-aliases';
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { serviceDatabaseNames } from '@motcua/persistence';
import { resolveKafkaBrokers, resolvePostgresServer, withDatabaseName, withDatabaseUser } from '@motcua/testing';
import { migrateAll } from '../migrate/migrate-all';
import { startIdentity } from './identity';
import { seedCatalogue } from './seed-catalogue';
import { seedDemo } from './seed-demo';
import { grpcEndpoints, SERVICES, ServiceSpec } from './services';

const ROOT = join(__dirname, '..', '..');
const LOG_DIR = join(ROOT, '.motcua', 'logs');
const DEV_DATABASE = 'motcua_dev';

function say(message: string): void {
  process.stdout.write(`${message}\n`);
}

async function prepareDatabase(): Promise<{ ownerUrl: string; stop: () => Promise<void> }> {
  const server = await resolvePostgresServer();
  if (process.env.DATABASE_URL) return { ownerUrl: process.env.DATABASE_URL, stop: server.stop };
  // Our own database on the local (or embedded) server, fresh each start: the Kafka mock keeps no history either.
  const admin = new Client({ connectionString: server.adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${DEV_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${DEV_DATABASE}`);
  await admin.end();
  return { ownerUrl: withDatabaseName(server.adminUrl, DEV_DATABASE), stop: server.stop };
}

function serviceEnv(spec: ServiceSpec, ownerUrl: string, brokers: string[], extra: Record<string, string>): NodeJS.ProcessEnv {
  const names = serviceDatabaseNames(spec.name);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...grpcEndpoints(),
    ...extra,
    HTTP_HOST: '127.0.0.1',
    HTTP_PORT: String(spec.httpPort),
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
  };
  if (spec.grpcPort) env.GRPC_URL = `127.0.0.1:${spec.grpcPort}`;
  if (spec.database) {
    env.DATABASE_URL = process.env[`${spec.name.toUpperCase()}_DATABASE_URL`] ?? withDatabaseUser(ownerUrl, names.appRole);
    env.OUTBOX_RELAY_DATABASE_URL = withDatabaseUser(ownerUrl, names.relayRole);
  } else {
    delete env.DATABASE_URL;
  }
  if (spec.kafka) env.KAFKA_BROKERS = brokers.join(',');
  return env;
}

function startProcess(spec: ServiceSpec, env: NodeJS.ProcessEnv): ChildProcess {
  const log = createWriteStream(join(LOG_DIR, `${spec.name}.log`), { flags: 'w' });
  const child = spawn(process.execPath, ['--disable-warning=TimeoutNegativeWarning', '-r', '@swc-node/register', join(ROOT, 'apps', spec.name, 'src', 'main.ts')], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.on('data', (chunk: Buffer) => {
    log.write(chunk);
    process.stderr.write(`[${spec.name}] ${chunk.toString('utf8')}`);
  });
  return child;
}

async function waitReady(spec: ServiceSpec, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${spec.name} exited with code ${child.exitCode}; see .motcua/logs/${spec.name}.log`);
    try {
      const response = await fetch(`http://127.0.0.1:${spec.httpPort}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet: keep polling until the deadline
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${spec.name} was not ready within ${timeoutMs} ms; see .motcua/logs/${spec.name}.log`);
}

async function main(): Promise<void> {
  mkdirSync(LOG_DIR, { recursive: true });
  say('MotCua dev stack: preparing PostgreSQL and Kafka…');
  const database = await prepareDatabase();
  const kafka = await resolveKafkaBrokers();
  const children: ChildProcess[] = [];
  let stopping = false;
  let stopIdentity: () => Promise<void> = async () => undefined;
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    say('\nStopping…');
    for (const child of children.reverse()) child.kill('SIGTERM');
    await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : undefined)));
    await stopIdentity();
    await kafka.stop();
    await database.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stopAll(0));
  process.once('SIGTERM', () => void stopAll(0));

  try {
    const applied = await migrateAll(database.ownerUrl);
    say(`Migrated: ${Object.keys(applied).join(', ')}`);
    const { extraEnv, identity } = await startIdentity();
    // The dev database is fresh at each start, so a fresh pseudonym key is too.
    extraEnv.PSEUDONYM_KEY = process.env.PSEUDONYM_KEY ?? randomBytes(32).toString('hex');
    stopIdentity = () => identity.stop();
    for (const spec of SERVICES) {
      const child = startProcess(spec, serviceEnv(spec, database.ownerUrl, kafka.brokers, extraEnv));
      children.push(child);
      child.once('exit', (code) => {
        if (!stopping) {
          say(`${spec.name} exited (${code}); stopping the stack`);
          void stopAll(1);
        }
      });
      await waitReady(spec, child);
      say(`  ${spec.name.padEnd(11)} ready  http://127.0.0.1:${spec.httpPort}${spec.grpcPort ? `  grpc 127.0.0.1:${spec.grpcPort}` : ''}`);
    }
    const gatewayUrl = 'http://127.0.0.1:8080';
    const demo = await seedDemo(gatewayUrl, identity);
    const catalogue = await seedCatalogue(grpcEndpoints().CATALOGUE_GRPC_URL, demo.tenantId);
    say(`\nGateway: ${gatewayUrl}   (logs in .motcua/logs/)`);
    say(`Demo province "${demo.tenantId}" with procedure ${demo.procedureCode} (${demo.procedureId}).`);
    say(`Sample catalogue loaded: ${catalogue.procedures?.created ?? 0} procedures (tools/seed/catalogue/hung-yen.catalogue.json).`);
    say('Submit a dossier:');
    say(demo.curl);
    say('\nCtrl-C stops everything.');
  } catch (error) {
    say(`Dev stack failed: ${error instanceof Error ? error.message : String(error)}`);
    await stopAll(1);
  }
}

void main();
