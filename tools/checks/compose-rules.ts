// Static rules for deploy/local/compose.yaml (written for people with Docker; nothing runs it here).

export interface ComposeService {
  image?: string;
  build?: { context?: string; dockerfile?: string } | string;
  command?: string[] | string;
  entrypoint?: string[] | string;
  environment?: Record<string, string | number | boolean | null> | string[];
  env_file?: string[] | string;
  depends_on?: Record<string, { condition?: string }> | string[];
  ports?: Array<string | number | Record<string, unknown>>;
  read_only?: boolean;
  cap_drop?: string[];
  privileged?: boolean;
}
export interface ComposeFile {
  services?: Record<string, ComposeService>;
}

export interface ComposeContext {
  apps: string[];
  /** Topic -> partitions from libs/contracts. */
  topicPartitions: Record<string, number>;
  /** Reads a file relative to the compose file (env_file), undefined when missing. */
  readRelative(path: string): string | undefined;
}

export const COMPOSE_RULES = [
  'every third-party image is pinned to a version (never latest)',
  'every app runs from the deploy/Dockerfile image, read-only, all capabilities dropped, after the migrations and topics',
  'only the gateway publishes a port among the apps',
  'the topic job creates exactly libs/contracts TopicPartitions',
  "each app's environment (environment + env_file, ${VAR:-default} resolved) passes the app's own config loader",
];

const list = (value: string[] | string | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/));

/** Compose interpolation with an empty shell environment: ${VAR:-default}, ${VAR-default}, ${VAR}, $$. */
export function interpolate(value: string): string {
  return value.replace(/\$\$|\$\{(\w+)(?::?-([^}]*))?\}/g, (match: string, _name: string | undefined, fallback: string | undefined) =>
    match === '$$' ? '$' : (fallback ?? ''),
  );
}

function parseEnvFile(text: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match) env[match[1]] = match[2];
  }
  return env;
}

/** The environment a compose service's container gets (no shell variables set). */
export function composeEnvironment(service: ComposeService, context: ComposeContext): { env: Record<string, string>; missingFiles: string[] } {
  const env: Record<string, string> = {};
  const missingFiles: string[] = [];
  for (const file of list(service.env_file)) {
    const text = context.readRelative(file);
    if (text === undefined) missingFiles.push(file);
    else Object.assign(env, parseEnvFile(text));
  }
  const environment = service.environment ?? {};
  const entries: Array<[string, string]> = Array.isArray(environment)
    ? environment.map((item): [string, string] => {
        const [name, ...rest] = item.split('=');
        return [name, rest.join('=')];
      })
    : Object.entries(environment).map(([name, value]): [string, string] => [name, value === null ? '' : String(value)]);
  for (const [name, value] of entries) env[name] = interpolate(value);
  return { env, missingFiles };
}

export function checkCompose(compose: ComposeFile, context: ComposeContext): string[] {
  const findings: string[] = [];
  const services = compose.services ?? {};
  const appServices = new Map<string, string>();
  for (const [name, service] of Object.entries(services)) {
    const command = list(service.command);
    if (service.build === undefined) {
      const image = service.image ?? '';
      const tag = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : '';
      if (tag === '' || tag === 'latest' || !/\d/.test(tag)) findings.push(`compose ${name}: image "${image}" is not pinned to a version`);
    } else {
      const dockerfile = typeof service.build === 'string' ? undefined : service.build.dockerfile;
      if (dockerfile !== 'deploy/Dockerfile') findings.push(`compose ${name}: builds ${dockerfile ?? 'a Dockerfile'}, not deploy/Dockerfile`);
    }
    if (command[0] && context.apps.includes(command[0])) appServices.set(command[0], name);
  }
  const migrate = Object.entries(services).find(([, service]) => list(service.command)[0] === 'migrate');
  if (!migrate) findings.push('compose: no service runs the migrations (command: [migrate])');
  const topicJob = Object.entries(services).find(([, service]) => list(service.command).join(' ').includes('kafka-topics.sh'));
  if (!topicJob) findings.push('compose: no service creates the Kafka topics');
  else {
    const script = list(topicJob[1].command).join(' ');
    const created = Object.fromEntries([...script.matchAll(/(motcua\.[a-z]+\.v\d+):(\d+)/g)].map((match) => [match[1], Number(match[2])]));
    if (JSON.stringify(sortKeys(created)) !== JSON.stringify(sortKeys(context.topicPartitions))) {
      findings.push(`compose ${topicJob[0]}: creates ${JSON.stringify(sortKeys(created))}, libs/contracts has ${JSON.stringify(sortKeys(context.topicPartitions))}`);
    }
  }
  for (const app of context.apps) {
    const name = appServices.get(app);
    if (!name) {
      findings.push(`compose: no service runs apps/${app}`);
      continue;
    }
    const service = services[name];
    if (service.build === undefined && service.image !== (services[migrate?.[0] ?? '']?.image ?? '')) findings.push(`compose ${name}: does not use the platform image`);
    if (service.read_only !== true) findings.push(`compose ${name}: read_only is not true`);
    if (!(service.cap_drop ?? []).includes('ALL')) findings.push(`compose ${name}: cap_drop does not include ALL`);
    if (service.privileged) findings.push(`compose ${name}: privileged`);
    if (app !== 'gateway' && (service.ports ?? []).length > 0) findings.push(`compose ${name}: publishes a port; only the gateway is reachable from outside`);
    const direct = dependencyNames(service);
    const conditions: Record<string, { condition?: string }> = Array.isArray(service.depends_on) ? {} : (service.depends_on ?? {});
    // Each app starts after the migrations, directly or through the services it waits for.
    const waits = (target: string): boolean => {
      const queue = [...direct];
      const seen = new Set<string>();
      while (queue.length > 0) {
        const current = queue.shift() as string;
        if (current === target) return true;
        if (seen.has(current)) continue;
        seen.add(current);
        queue.push(...dependencyNames(services[current]));
      }
      return false;
    };
    if (migrate && !waits(migrate[0])) findings.push(`compose ${name}: does not wait for ${migrate[0]}`);
    if (migrate && direct.includes(migrate[0]) && conditions[migrate[0]]?.condition !== 'service_completed_successfully') {
      findings.push(`compose ${name}: should wait for ${migrate[0]} with condition service_completed_successfully`);
    }
  }
  return findings;
}

function dependencyNames(service: ComposeService | undefined): string[] {
  const dependsOn = service?.depends_on;
  return dependsOn === undefined ? [] : Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

function sortKeys(record: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
}
