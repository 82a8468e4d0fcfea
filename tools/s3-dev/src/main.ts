// Runs the local S3-compatible object store and prints its endpoint URL on stdout.
//   S3_DEV_PORT (or PORT)   port on 127.0.0.1 (default 4566; 0: any free port)
//   S3_ACCESS_KEY_ID        access key requests must be signed with (default motcua-dev)
//   S3_SECRET_ACCESS_KEY    its secret (default motcua-dev-secret)
//   S3_REGION               region of the signatures (default us-east-1)
//   S3_BUCKETS              comma-separated buckets (default motcua-documents)
//   S3_DEV_DIR              keep objects as files under this directory (default: in memory)
// node -r @swc-node/register tools/s3-dev/src/main.ts
import { startLocalS3 } from './local-s3';

function readPort(env: NodeJS.ProcessEnv): number {
  const raw = env.S3_DEV_PORT ?? env.PORT ?? '4566';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`Invalid port ${raw}`);
  return port;
}

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const s3 = await startLocalS3({
    port: readPort(env),
    accessKeyId: env.S3_ACCESS_KEY_ID ?? 'motcua-dev',
    secretAccessKey: env.S3_SECRET_ACCESS_KEY ?? 'motcua-dev-secret',
    region: env.S3_REGION ?? 'us-east-1',
    buckets: (env.S3_BUCKETS ?? 'motcua-documents').split(',').map((bucket) => bucket.trim()).filter(Boolean),
    directory: env.S3_DEV_DIR,
  });
  process.stdout.write(`${s3.url}\n`);
  const shutdown = (): void => {
    s3.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.env).catch((error: unknown) => {
  process.stderr.write(`s3-dev: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
