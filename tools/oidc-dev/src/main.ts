// Runs one local OpenID provider (one issuer) and prints its issuer URL on stdout.
//   OIDC_ISSUER_PORT (or PORT)  port on 127.0.0.1 (default 4010; 0: any free port)
//   OIDC_ISSUER_PATH            e.g. /citizen or /realms/hung-yen (default none)
//   OIDC_AUDIENCE               comma-separated audiences, first is the default (default motcua-api)
//   OIDC_USERS_KIND             serve only users of this kind: citizen | staff | national
//   OIDC_TENANT                 serve only users of this tenant (staff issuers)
//   OIDC_USERS_FILE             seed file (default tools/oidc-dev/users.json)
// node -r @swc-node/register tools/oidc-dev/src/main.ts
import { DEFAULT_USERS_FILE, loadSeedUsers } from './seed-users';
import { startOidcDevProvider } from './provider';

function readPort(env: NodeJS.ProcessEnv): number {
  const raw = env.OIDC_ISSUER_PORT ?? env.PORT ?? '4010';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new TypeError(`Invalid port ${raw}`);
  return port;
}

async function main(env: NodeJS.ProcessEnv): Promise<void> {
  const kind = env.OIDC_USERS_KIND;
  if (kind !== undefined && !['citizen', 'staff', 'national'].includes(kind)) {
    throw new TypeError('OIDC_USERS_KIND must be citizen, staff or national');
  }
  const tenant = env.OIDC_TENANT;
  const users = loadSeedUsers(env.OIDC_USERS_FILE ?? DEFAULT_USERS_FILE).filter(
    (user) => (kind === undefined || user.kind === kind) && (tenant === undefined || user.tenantId === tenant),
  );
  const audience = (env.OIDC_AUDIENCE ?? 'motcua-api').split(',').map((value) => value.trim()).filter(Boolean);
  const provider = await startOidcDevProvider({
    port: readPort(env),
    issuerPath: env.OIDC_ISSUER_PATH ?? '',
    users,
    audience,
  });
  process.stdout.write(`${provider.issuer}\n`);
  const shutdown = (): void => {
    provider.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main(process.env).catch((error: unknown) => {
  process.stderr.write(`oidc-dev: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
