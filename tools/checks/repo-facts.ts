// What the code says about the deployables: the deployment files are checked against it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface AppFacts {
  name: string;
  /** apps/<name>/src/main.ts starts a gRPC server (passes GrpcServices.*). */
  grpc: boolean;
}

export function readApps(root: string): AppFacts[] {
  const appsDir = join(root, 'apps');
  return readdirSync(appsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(appsDir, entry.name, 'src', 'main.ts')))
    .map((entry) => {
      const main = readFileSync(join(appsDir, entry.name, 'src', 'main.ts'), 'utf8');
      return { name: entry.name, grpc: /\bGrpcServices\.\w+/.test(main) };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** The Node major the project runs on: package.json `engines.node` (">=24" -> 24). */
export function nodeMajor(root: string): number {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines?: { node?: string } };
  const match = /(\d+)/.exec(pkg.engines?.node ?? '');
  if (!match) throw new Error('package.json has no engines.node');
  return Number(match[1]);
}

export type ConfigLoader = (env: NodeJS.ProcessEnv) => unknown;

/** The service's own configuration loader (apps/<app>/src/config/<app>.config.ts, `load<App>Config`). */
export async function loadConfigLoader(root: string, app: string): Promise<ConfigLoader> {
  const path = join(root, 'apps', app, 'src', 'config', `${app}.config.ts`);
  const module = (await import(path)) as Record<string, unknown>;
  const loader = Object.entries(module).find(([name, value]) => /^load\w*Config$/.test(name) && typeof value === 'function');
  if (!loader) throw new Error(`${path} exports no load…Config function`);
  return loader[1] as ConfigLoader;
}

/** A stand-in for a value the cluster takes from a Secret: well-formed, so the rest of the config can be checked. */
export function secretPlaceholder(name: string): string {
  if (/DATABASE_URL$/.test(name)) return 'postgres://placeholder:placeholder@database.invalid:5432/motcua';
  if (/REDIS_URL$/.test(name)) return 'rediss://:placeholder@redis.invalid:6379/0';
  // A key: 32 bytes, base64.
  if (/ENCRYPTION_KEY$/.test(name)) return Buffer.alloc(32, 7).toString('base64');
  return 'placeholder-secret-value-of-at-least-32-characters';
}

/** Runs a loader and returns its problems (empty when the environment is valid). */
export function configProblems(loader: ConfigLoader, env: NodeJS.ProcessEnv): string[] {
  try {
    loader(env);
    return [];
  } catch (error) {
    const problems = (error as { problems?: unknown }).problems;
    if (Array.isArray(problems)) return problems.map(String);
    return [error instanceof Error ? error.message : String(error)];
  }
}
