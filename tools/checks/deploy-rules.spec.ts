import { checkCompose, ComposeFile, composeEnvironment, interpolate } from './compose-rules';
import { isExcludedByDockerignore, lintDockerfile, lintEntrypoint } from './dockerfile-rules';
import { checkManifests, Container, K8sObject, parseQuantity } from './manifest-rules';

const GOOD_DOCKERFILE = `# syntax=docker/dockerfile:1.7
FROM node:24.21.0-bookworm-slim AS base
FROM base AS deps
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts
FROM base AS runtime
RUN apt-get update \\
 && apt-get install -y --no-install-recommends tini \\
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=deps /src/node_modules ./node_modules
COPY apps ./apps
USER 10001:10001
EXPOSE 8080 50051
ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/motcua"]
CMD []
`;
const DOCKERIGNORE = '*\n!package.json\n!package-lock.json\n!apps\n**/node_modules\n**/*.spec.ts\n';
const dockerContext = { nodeMajor: 24, ports: [8080, 50051], dockerignore: DOCKERIGNORE, exists: () => true };

describe('lintDockerfile', () => {
  it('accepts a pinned, non-root, tini-started image built with npm ci', () => {
    expect(lintDockerfile(GOOD_DOCKERFILE, dockerContext)).toEqual([]);
  });

  it.each([
    ['an unpinned base', GOOD_DOCKERFILE.replace('node:24.21.0-bookworm-slim', 'node:latest'), /latest/],
    ['a floating major tag', GOOD_DOCKERFILE.replace('node:24.21.0-bookworm-slim', 'node:24-bookworm-slim'), /pin a full version/],
    ['another Node major', GOOD_DOCKERFILE.replace('node:24.21.0', 'node:22.21.0'), /Node 24/],
    ['no USER', GOOD_DOCKERFILE.replace('USER 10001:10001\n', ''), /no USER/],
    ['USER root', GOOD_DOCKERFILE.replace('USER 10001:10001', 'USER root'), /numeric UID/],
    ['USER 0', GOOD_DOCKERFILE.replace('USER 10001:10001', 'USER 0'), /root/],
    ['a shell-form ENTRYPOINT', GOOD_DOCKERFILE.replace('ENTRYPOINT ["/usr/bin/tini", "--", "/usr/local/bin/motcua"]', 'ENTRYPOINT node main.js'), /exec \(JSON\) form/],
    ['node as PID 1', GOOD_DOCKERFILE.replace('"/usr/bin/tini", "--", ', ''), /init/],
    ['npm install', GOOD_DOCKERFILE.replace('npm ci --ignore-scripts', 'npm install'), /npm ci/],
    ['a secret ENV', GOOD_DOCKERFILE.replace('WORKDIR /app', 'WORKDIR /app\nENV DB_PASSWORD=x'), /DB_PASSWORD/],
    ['apt lists kept', GOOD_DOCKERFILE.replace(' \\\n && rm -rf /var/lib/apt/lists/*', ''), /apt\/lists/],
    ['ADD', GOOD_DOCKERFILE.replace('COPY apps ./apps', 'ADD apps ./apps'), /ADD/],
    ['the whole context in the runtime stage', GOOD_DOCKERFILE.replace('COPY apps ./apps', 'COPY . .'), /whole build context/],
    ['a port not exposed', GOOD_DOCKERFILE.replace('EXPOSE 8080 50051', 'EXPOSE 8080'), /50051/],
  ])('flags %s', (_, dockerfile, finding) => {
    expect(lintDockerfile(dockerfile, dockerContext).join('\n')).toMatch(finding);
  });

  it('flags a COPY source the ignore file excludes, and a missing one', () => {
    const dockerfile = GOOD_DOCKERFILE.replace('COPY apps ./apps', 'COPY apps ./apps\nCOPY libs ./libs');
    expect(lintDockerfile(dockerfile, dockerContext).join('\n')).toMatch(/COPY libs: excluded/);
    expect(lintDockerfile(GOOD_DOCKERFILE, { ...dockerContext, exists: (path: string) => path !== 'apps' }).join('\n')).toMatch(/COPY apps: no such path/);
  });
});

describe('isExcludedByDockerignore', () => {
  it('follows an allowlist: last match wins, parents exclude children', () => {
    expect(isExcludedByDockerignore('apps', DOCKERIGNORE)).toBe(false);
    expect(isExcludedByDockerignore('libs', DOCKERIGNORE)).toBe(true);
    expect(isExcludedByDockerignore('apps/intake/src/x.spec.ts', DOCKERIGNORE)).toBe(true);
    expect(isExcludedByDockerignore('apps/intake/node_modules/x', DOCKERIGNORE)).toBe(true);
    expect(isExcludedByDockerignore('apps/intake/src/main.ts', DOCKERIGNORE)).toBe(false);
  });
});

describe('lintEntrypoint', () => {
  const script = '#!/bin/sh\nset -eu\nSERVICES="gateway intake"\nexec node -r x "apps/$c/src/main.ts"\n';
  it('wants exactly the apps', () => {
    expect(lintEntrypoint(script, ['gateway', 'intake'])).toEqual([]);
    expect(lintEntrypoint(script, ['gateway', 'intake', 'postal']).join('\n')).toMatch(/lacks postal/);
    expect(lintEntrypoint(script, ['gateway']).join('\n')).toMatch(/names intake/);
  });
});

// A minimal release that passes every manifest rule; each test breaks one thing.
const selector = { 'app.kubernetes.io/instance': 'm', 'app.kubernetes.io/component': 'intake' };
function release(): K8sObject[] {
  const podSecurity = { runAsNonRoot: true, runAsUser: 10001 };
  const containerSecurity = { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } };
  const resources = { requests: { cpu: '250m', memory: '320Mi' }, limits: { cpu: '1', memory: '512Mi' } };
  return [
    { kind: 'ConfigMap', metadata: { name: 'm-common' }, data: { SHUTDOWN_GRACE_MS: '20000' } },
    {
      kind: 'Deployment',
      metadata: { name: 'm-intake' },
      spec: {
        replicas: 2,
        selector: { matchLabels: selector },
        template: {
          metadata: { labels: { ...selector } },
          spec: {
            automountServiceAccountToken: false,
            terminationGracePeriodSeconds: 30,
            securityContext: podSecurity,
            containers: [
              {
                name: 'intake',
                image: 'registry/motcua:0.1.0',
                args: ['intake'],
                ports: [
                  { name: 'http', containerPort: 8080 },
                  { name: 'grpc', containerPort: 50051 },
                ],
                envFrom: [{ configMapRef: { name: 'm-common' } }],
                env: [{ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 's', key: 'intake-database-url' } } }],
                readinessProbe: { httpGet: { path: '/health/ready', port: 'http' } },
                livenessProbe: { httpGet: { path: '/health/live', port: 'http' } },
                lifecycle: { preStop: { exec: { command: ['sleep', '5'] } } },
                resources,
                securityContext: containerSecurity,
              },
            ],
          },
        },
      },
    },
    {
      kind: 'Service',
      metadata: { name: 'm-intake' },
      spec: {
        selector: { ...selector },
        ports: [
          { name: 'http', port: 8080, targetPort: 'http' },
          { name: 'grpc', port: 50051, targetPort: 'grpc' },
        ],
      },
    },
    { kind: 'PodDisruptionBudget', metadata: { name: 'm-intake' }, spec: { maxUnavailable: 1, selector: { matchLabels: selector } } },
    { kind: 'NetworkPolicy', metadata: { name: 'deny' }, spec: { podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'm' } }, policyTypes: ['Ingress'] } },
    {
      kind: 'NetworkPolicy',
      metadata: { name: 'm-intake' },
      spec: { podSelector: { matchLabels: selector }, policyTypes: ['Ingress'], ingress: [{ ports: [{ port: 'http' }, { port: 'grpc' }], from: [{ podSelector: {} }] }] },
    },
    {
      kind: 'Job',
      metadata: { name: 'm-migrate', annotations: { 'helm.sh/hook': 'pre-install,pre-upgrade' } },
      spec: {
        template: {
          spec: {
            automountServiceAccountToken: false,
            securityContext: podSecurity,
            containers: [
              {
                name: 'migrate',
                image: 'registry/motcua:0.1.0',
                args: ['migrate'],
                env: [{ name: 'MIGRATION_DATABASE_URL', valueFrom: { secretKeyRef: { name: 's', key: 'migration-database-url' } } }],
                resources,
                securityContext: containerSecurity,
              },
            ],
          },
        },
      },
    },
  ];
}
const context = { apps: [{ name: 'intake', grpc: true }], publicComponents: ['gateway'], minMemoryLimitMiB: 320 };
const deploymentOf = (objects: K8sObject[]) => objects.find((object) => object.kind === 'Deployment') as K8sObject;
const containerOf = (objects: K8sObject[]) => deploymentOf(objects).spec?.template?.spec?.containers?.[0] as Container;

describe('checkManifests', () => {
  it('accepts a release that follows every rule', () => {
    expect(checkManifests(release(), context)).toEqual([]);
  });

  it.each<[string, (objects: K8sObject[]) => void, RegExp]>([
    ['an image on latest', (o) => (containerOf(o).image = 'registry/motcua:latest'), /latest/],
    ['an untagged image', (o) => (containerOf(o).image = 'registry/motcua'), /not pinned/],
    ['no readiness probe', (o) => delete containerOf(o).readinessProbe, /no readinessProbe/],
    ['a liveness probe on an undeclared port', (o) => (containerOf(o).livenessProbe = { httpGet: { path: '/health/live', port: 'admin' } }), /undeclared|does not declare/],
    ['no memory limit', (o) => (containerOf(o).resources = { requests: { cpu: '1', memory: '1Gi' } }), /no memory limit/],
    ['a memory limit below the working set', (o) => (containerOf(o).resources = { requests: { cpu: '1', memory: '128Mi' }, limits: { memory: '256Mi' } }), /below 320Mi/],
    ['root allowed', (o) => delete (deploymentOf(o).spec?.template?.spec?.securityContext as { runAsNonRoot?: boolean }).runAsNonRoot, /runAsNonRoot/],
    ['a writable root filesystem', (o) => (containerOf(o).securityContext = { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } }), /readOnlyRootFilesystem/],
    ['a mounted service-account token', (o) => delete deploymentOf(o).spec?.template?.spec?.automountServiceAccountToken, /automountServiceAccountToken/],
    ['a grace period shorter than the drain', (o) => ((deploymentOf(o).spec?.template?.spec as { terminationGracePeriodSeconds: number }).terminationGracePeriodSeconds = 25), /does not exceed/],
    ['no gRPC port on a gRPC app', (o) => (containerOf(o).ports = [{ name: 'http', containerPort: 8080 }]), /serves gRPC/],
    ['a gRPC port opened to other namespaces', (o) => o.push({ kind: 'NetworkPolicy', metadata: { name: 'wide' }, spec: { podSelector: { matchLabels: selector }, ingress: [{ ports: [{ port: 'grpc' }], from: [{ namespaceSelector: {} }] }] } }), /gRPC port beyond/],
    ['an internal service open to any source', (o) => o.push({ kind: 'NetworkPolicy', metadata: { name: 'open' }, spec: { podSelector: { matchLabels: selector }, ingress: [{ ports: [{ port: 'http' }] }] } }), /any source/],
    ['no NetworkPolicy at all', (o) => o.splice(0, o.length, ...o.filter((object) => object.kind !== 'NetworkPolicy')), /no NetworkPolicy/],
    ['a PDB that blocks drains', (o) => o.splice(o.findIndex((object) => object.kind === 'PodDisruptionBudget'), 1, { kind: 'PodDisruptionBudget', metadata: { name: 'p' }, spec: { minAvailable: 2, selector: { matchLabels: selector } } }), /blocks every node drain/],
    ['no Service', (o) => o.splice(o.findIndex((object) => object.kind === 'Service'), 1), /no Service/],
    ['an HPA fighting the replica count', (o) => o.push({ kind: 'HorizontalPodAutoscaler', metadata: { name: 'h' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'm-intake' }, minReplicas: 2, maxReplicas: 4 } }), /sets replicas/],
    ['a rendered Secret', (o) => o.push({ kind: 'Secret', metadata: { name: 's' }, data: {} }), /renders a Secret/],
    ['a secret in a ConfigMap', (o) => o.push({ kind: 'ConfigMap', metadata: { name: 'c' }, data: { PSEUDONYM_KEY: 'x' } }), /looks secret/],
    ['a hook that needs a release ConfigMap', (o) => ((o.find((object) => object.kind === 'Job')?.spec?.template?.spec?.containers ?? [])[0].envFrom = [{ configMapRef: { name: 'm-common' } }]), /does not exist yet/],
    ['a migration Job that is no hook', (o) => delete o.find((object) => object.kind === 'Job')?.metadata?.annotations, /pre-install hook/],
    ['an app without a Deployment', () => undefined, /apps\/postal: no Deployment/],
  ])('flags %s', (_, breakIt, finding) => {
    const objects = release();
    breakIt(objects);
    const apps = finding.source.includes('postal') ? [...context.apps, { name: 'postal', grpc: false }] : context.apps;
    expect(checkManifests(objects, { ...context, apps }).join('\n')).toMatch(finding);
  });

  it('reads Kubernetes quantities', () => {
    expect(parseQuantity('512Mi', 'memory')).toBe(512);
    expect(parseQuantity('1Gi', 'memory')).toBe(1024);
    expect(parseQuantity('250m', 'cpu')).toBe(0.25);
    expect(parseQuantity('lots', 'memory')).toBeNaN();
  });
});

describe('compose rules', () => {
  const topics = { 'motcua.dossier.v1': 6 };
  const base: ComposeFile = {
    services: {
      kafka: { image: 'apache/kafka:3.9.1' },
      topics: { image: 'apache/kafka:3.9.1', command: ['for spec in motcua.dossier.v1:6; do kafka-topics.sh --create; done'] },
      migrate: { build: { context: '../..', dockerfile: 'deploy/Dockerfile' }, command: ['migrate'] },
      intake: {
        build: { context: '../..', dockerfile: 'deploy/Dockerfile' },
        command: ['intake'],
        read_only: true,
        cap_drop: ['ALL'],
        depends_on: { migrate: { condition: 'service_completed_successfully' } },
      },
    },
  };
  const composeContext = { apps: ['intake'], topicPartitions: topics, readRelative: () => undefined };
  const copy = (): ComposeFile => JSON.parse(JSON.stringify(base)) as ComposeFile;

  it('accepts a stack that migrates first and pins its images', () => {
    expect(checkCompose(base, composeContext)).toEqual([]);
  });

  it('flags drift and exposure', () => {
    const floating = copy();
    (floating.services ?? {}).kafka.image = 'apache/kafka:latest';
    expect(checkCompose(floating, composeContext).join('\n')).toMatch(/not pinned/);
    expect(checkCompose(base, { ...composeContext, topicPartitions: { ...topics, 'motcua.audit.v1': 3 } }).join('\n')).toMatch(/motcua.audit.v1/);
    const published = copy();
    (published.services ?? {}).intake.ports = ['50051:50051'];
    expect(checkCompose(published, composeContext).join('\n')).toMatch(/publishes a port/);
    const racing = copy();
    delete (racing.services ?? {}).intake.depends_on;
    expect(checkCompose(racing, composeContext).join('\n')).toMatch(/does not wait for migrate/);
  });

  it('resolves the environment as compose would with no shell variables', () => {
    expect(interpolate('${LOG_LEVEL:-info}/${UNSET}/$${spec}')).toBe('info//${spec}');
    const { env, missingFiles } = composeEnvironment(
      { environment: { A: '${A:-1}', B: 2 }, env_file: ['gateway.env', 'missing.env'] },
      { ...composeContext, readRelative: (path) => (path === 'gateway.env' ? '# comment\nC=[{"x":1}]\n' : undefined) },
    );
    expect(env).toEqual({ A: '1', B: '2', C: '[{"x":1}]' });
    expect(missingFiles).toEqual(['missing.env']);
  });
});
