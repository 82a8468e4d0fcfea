// The deployment check (tools/scripts/test.sh runs it after the lint step):
//   node -r @swc-node/register tools/checks/deploy.ts
// Lints deploy/Dockerfile and its entrypoint, deploy/local/compose.yaml and the Helm chart
// helm/motcua: `helm lint --strict` and `helm template` with the default values and with
// deploy/values-production.example.yaml, then rules over the rendered objects, each service's
// environment through the service's own config loader, and values the chart must refuse.
// Prints what it checked; exits 1 on any finding.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { TopicPartitions } from '../../libs/contracts/src/events/topics';
import { checkCompose, COMPOSE_RULES, ComposeFile, composeEnvironment } from './compose-rules';
import { DOCKERFILE_RULES, ENTRYPOINT_RULES, lintDockerfile, lintEntrypoint } from './dockerfile-rules';
import { ensureHelm } from './helm-binary';
import { checkManifests, containerEnvironment, K8sObject, MANIFEST_RULES } from './manifest-rules';
import { AppFacts, configProblems, ConfigLoader, loadConfigLoader, nodeMajor, readApps, secretPlaceholder } from './repo-facts';
import { parseYamlStream, parseYamlWithMerge } from './yaml';

const ROOT = join(__dirname, '..', '..');
const CHART = 'helm/motcua';
const PRODUCTION_VALUES = 'deploy/values-production.example.yaml';
const run = promisify(execFile);

let failures = 0;
function section(title: string, checked: string[], findings: string[]): void {
  failures += findings.length;
  process.stdout.write(`${findings.length === 0 ? 'ok  ' : 'FAIL'} ${title}\n`);
  for (const line of checked) process.stdout.write(`       checked: ${line}\n`);
  for (const finding of findings) process.stdout.write(`     ✗ ${finding}\n`);
}

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

async function helm(binary: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  const home = join(ROOT, 'node_modules', '.cache', 'motcua-checks', 'helm-home');
  mkdirSync(home, { recursive: true });
  try {
    const { stdout, stderr } = await run(binary, args, {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
      env: { PATH: process.env.PATH ?? '', HOME: home, HELM_CACHE_HOME: join(home, 'cache'), HELM_CONFIG_HOME: join(home, 'config'), HELM_DATA_HOME: join(home, 'data') },
    });
    return { ok: true, stdout, stderr };
  } catch (error) {
    const failed = error as { stdout?: string; stderr?: string; message: string };
    return { ok: false, stdout: failed.stdout ?? '', stderr: failed.stderr || failed.message };
  }
}

function sameTopics(found: unknown, where: string): string[] {
  const expected = JSON.stringify(Object.entries(TopicPartitions).sort());
  const actual = JSON.stringify(Object.entries((found ?? {}) as Record<string, number>).sort());
  return actual === expected ? [] : [`${where}: topics ${actual} differ from libs/contracts TopicPartitions ${expected}`];
}

async function main(): Promise<void> {
  const started = Date.now();
  const apps: AppFacts[] = readApps(ROOT);
  process.stdout.write(`deploy checks: apps ${apps.map((app) => `${app.name}${app.grpc ? ' (gRPC)' : ''}`).join(', ')}\n`);

  const defaults = parseYamlStream(read(`${CHART}/values.yaml`), 'values.yaml')[0] as { ports: { http: number; grpc: number }; kafka: { topics: { partitions: unknown } } };

  // helm runs in child processes while this one loads the services' config modules.
  const binary = ensureHelm(ROOT);
  const versionPending = helm(binary, ['version', '--short']);
  const valueSets: Array<{ label: string; args: string[] }> = [
    { label: 'default values', args: [] },
    { label: PRODUCTION_VALUES, args: ['-f', PRODUCTION_VALUES] },
  ];
  const lintsPending = Promise.all(valueSets.map((set) => helm(binary, ['lint', CHART, '--strict', ...set.args])));
  const rendersPending = Promise.all(valueSets.map((set) => helm(binary, ['template', 'motcua', CHART, '--namespace', 'motcua', ...set.args])));
  const issuer = (extra: Record<string, string>) =>
    `gateway.authIssuers=${JSON.stringify([{ issuer: 'https://id.example.gov.vn/x', audience: 'motcua-api', jwksUri: 'https://id.example.gov.vn/x/jwks', audienceKind: 'citizen', ...extra }])}`;
  const mustFail: Array<{ why: string; expect: string; args: string[] }> = [
    { why: 'image.tag latest', expect: 'image/tag', args: ['--set', 'image.tag=latest'] },
    { why: 'a misspelt key (services.intake.replica)', expect: "'replica' not allowed", args: ['--set', 'services.intake.replica=3'] },
    { why: 'an unknown service', expect: "'billing' not allowed", args: ['--set', 'services.billing.enabled=true'] },
    { why: 'terminationGracePeriodSeconds equal to preStop + SHUTDOWN_GRACE_MS', expect: 'must exceed preStopSleepSeconds', args: ['--set', 'shutdown.terminationGracePeriodSeconds=25'] },
    { why: 'an issuer whose JWKS is plain http off loopback', expect: 'jwksUri', args: ['--set-json', issuer({ jwksUri: 'http://id.example.gov.vn/jwks' })] },
    { why: 'a staff issuer without its tenant', expect: "missing property 'tenantId'", args: ['--set-json', issuer({ audienceKind: 'staff' })] },
    { why: 'no existing secret', expect: 'existingSecret', args: ['--set', 'secrets.existingSecret='] },
    { why: 'resources without limits', expect: "missing property 'limits'", args: ['--set-json', 'serviceDefaults.resources.limits=null'] },
    { why: 'two gateway replicas without Redis', expect: 'gateway.redis.enabled', args: ['--set', 'services.gateway.replicas=2'] },
    { why: 'gateway autoscaling without Redis', expect: 'gateway.redis.enabled', args: ['--set', 'services.gateway.autoscaling.enabled=true', '--set', 'services.gateway.autoscaling.minReplicas=2', '--set', 'services.gateway.autoscaling.maxReplicas=4', '--set', 'services.gateway.autoscaling.targetCPUUtilizationPercentage=70'] },
    { why: 'runAsNonRoot false', expect: 'runAsNonRoot', args: ['--set', 'podSecurityContext.runAsNonRoot=false'] },
  ];
  const refusedPending = Promise.all(mustFail.map((item) => helm(binary, ['template', 'motcua', CHART, ...item.args])));

  const loaders = new Map<string, ConfigLoader>();
  for (const app of apps) loaders.set(app.name, await loadConfigLoader(ROOT, app.name));
  const envProblems = (app: string, env: Record<string, string>) => configProblems(loaders.get(app) as ConfigLoader, env);

  // 1. The image.
  const dockerignorePath = join(ROOT, 'deploy', 'Dockerfile.dockerignore');
  section(
    'deploy/Dockerfile, deploy/Dockerfile.dockerignore',
    DOCKERFILE_RULES,
    lintDockerfile(read('deploy/Dockerfile'), {
      nodeMajor: nodeMajor(ROOT),
      ports: [defaults.ports.http, defaults.ports.grpc],
      dockerignore: existsSync(dockerignorePath) ? readFileSync(dockerignorePath, 'utf8') : undefined,
      exists: (path) => existsSync(join(ROOT, path)),
    }),
  );
  section('deploy/docker-entrypoint.sh', ENTRYPOINT_RULES, lintEntrypoint(read('deploy/docker-entrypoint.sh'), apps.map((app) => app.name)));

  // 2. The compose file.
  const composePath = 'deploy/local/compose.yaml';
  const compose = parseYamlWithMerge(read(composePath)) as ComposeFile;
  const composeContext = {
    apps: apps.map((app) => app.name),
    topicPartitions: TopicPartitions,
    readRelative: (path: string) => {
      const full = join(ROOT, dirname(composePath), path);
      return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
    },
  };
  const composeFindings = checkCompose(compose, composeContext);
  for (const [name, service] of Object.entries(compose.services ?? {})) {
    const command = Array.isArray(service.command) ? service.command : [];
    if (!loaders.has(command[0] ?? '')) continue;
    const { env, missingFiles } = composeEnvironment(service, composeContext);
    for (const file of missingFiles) composeFindings.push(`compose ${name}: env_file ${file} is missing`);
    for (const problem of envProblems(command[0], env)) composeFindings.push(`compose ${name}: ${problem}`);
  }
  section(composePath, COMPOSE_RULES, composeFindings);

  // 3. The chart.
  const version = await versionPending;
  const lints = await lintsPending;
  const renders = await rendersPending;
  for (const [index, set] of valueSets.entries()) {
    const findings: string[] = [];
    const lint = lints[index];
    if (!lint.ok) findings.push(`helm lint --strict failed:\n${(lint.stdout + lint.stderr).trim()}`);
    const render = renders[index];
    let objects: K8sObject[] = [];
    if (!render.ok) findings.push(`helm template failed: ${render.stderr.trim()}`);
    else {
      try {
        objects = parseYamlStream(render.stdout, `helm template (${set.label})`) as K8sObject[];
      } catch (error) {
        findings.push(error instanceof Error ? error.message : String(error));
      }
    }
    if (objects.length > 0) findings.push(...checkManifests(objects, { apps, publicComponents: ['gateway'], minMemoryLimitMiB: 320 }));
    // Each Deployment's environment through its service's own config loader.
    const configMaps = new Map(objects.filter((object) => object.kind === 'ConfigMap').map((object) => [object.metadata?.name ?? '', object]));
    for (const deployment of objects.filter((object) => object.kind === 'Deployment')) {
      const container = deployment.spec?.template?.spec?.containers?.[0];
      const app = container?.args?.[0] ?? '';
      if (!container || !loaders.has(app)) continue;
      const { env, fromSecrets } = containerEnvironment(container, configMaps);
      for (const name of fromSecrets) env[name] = secretPlaceholder(name);
      for (const problem of envProblems(app, env)) findings.push(`Deployment/${deployment.metadata?.name}: config: ${problem}`);
    }
    const values = set.args.length === 0 ? defaults : (parseYamlStream(read(PRODUCTION_VALUES), PRODUCTION_VALUES)[0] as typeof defaults);
    findings.push(...sameTopics(values.kafka?.topics?.partitions, `${set.label} kafka.topics.partitions`));
    const kinds = new Map<string, number>();
    for (const object of objects) kinds.set(object.kind ?? '?', (kinds.get(object.kind ?? '?') ?? 0) + 1);
    section(
      `${CHART} with ${set.label} (${version.stdout.trim()}): ${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')}`,
      [
        'helm lint --strict (values.schema.json included)',
        ...MANIFEST_RULES,
        "each Deployment's environment (ConfigMaps + secret placeholders) passes the service's own config loader",
        'kafka.topics.partitions equals libs/contracts TopicPartitions',
      ],
      findings,
    );
  }

  // 4. Values the chart must refuse (schema and template guards): a guard that accepts them is broken.
  const refused = await refusedPending;
  section(
    `${CHART} refuses bad values`,
    mustFail.map((item) => item.why),
    mustFail.flatMap((item, index) => {
      const result = refused[index];
      if (result.ok) return [`the chart accepted ${item.why} (${item.args.join(' ')})`];
      if (!result.stderr.includes(item.expect)) return [`${item.why}: refused for another reason than "${item.expect}": ${result.stderr.trim()}`];
      return [];
    }),
  );

  // 5. kubectl.
  process.stdout.write(
    'skip kubectl apply --dry-run=client: kubectl 1.32 still asks an API server for discovery and OpenAPI (no cluster here); the rendered objects are checked above instead\n',
  );

  process.stdout.write(`\ndeploy checks: ${failures === 0 ? 'no findings' : `${failures} finding(s)`} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  process.exitCode = failures === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`deploy checks failed to run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
