// Rules for the Kubernetes objects `helm template` renders from helm/motcua. Pure functions over
// the parsed objects: tools/checks/deploy.ts feeds them, deploy-rules.spec.ts tests them.

export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{ key: string; operator: string; values?: string[] }>;
}
interface Meta {
  name?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface Probe {
  httpGet?: { path?: string; port?: string | number };
  grpc?: { port?: number };
  tcpSocket?: { port?: string | number };
  exec?: unknown;
}
export interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name?: string; key?: string }; configMapKeyRef?: { name?: string; key?: string } };
}
interface SecurityContext {
  runAsNonRoot?: boolean;
  runAsUser?: number;
  allowPrivilegeEscalation?: boolean;
  readOnlyRootFilesystem?: boolean;
  privileged?: boolean;
  capabilities?: { drop?: string[]; add?: string[] };
}
export interface Container {
  name?: string;
  image?: string;
  args?: string[];
  ports?: Array<{ name?: string; containerPort?: number }>;
  env?: EnvVar[];
  envFrom?: Array<{ configMapRef?: { name?: string }; secretRef?: { name?: string } }>;
  resources?: { requests?: Record<string, string | number>; limits?: Record<string, string | number> };
  securityContext?: SecurityContext;
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command?: string[] }; sleep?: { seconds?: number } } };
}
export interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  securityContext?: SecurityContext;
  terminationGracePeriodSeconds?: number;
  automountServiceAccountToken?: boolean;
  serviceAccountName?: string;
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
}
interface PolicyPeer {
  podSelector?: LabelSelector;
  namespaceSelector?: LabelSelector;
  ipBlock?: unknown;
}
interface PolicyRule {
  ports?: Array<{ port?: string | number }>;
  from?: PolicyPeer[];
}
export interface K8sObject {
  apiVersion?: string;
  kind?: string;
  metadata?: Meta;
  data?: Record<string, string>;
  stringData?: Record<string, string>;
  spec?: {
    replicas?: number;
    selector?: LabelSelector & Record<string, unknown>;
    template?: { metadata?: Meta; spec?: PodSpec };
    jobTemplate?: { spec?: { template?: { metadata?: Meta; spec?: PodSpec } } };
    ports?: Array<{ name?: string; port?: number; targetPort?: string | number }>;
    minAvailable?: string | number;
    maxUnavailable?: string | number;
    scaleTargetRef?: { kind?: string; name?: string };
    minReplicas?: number;
    maxReplicas?: number;
    podSelector?: LabelSelector;
    policyTypes?: string[];
    ingress?: PolicyRule[];
  };
}

export interface ManifestContext {
  /** The apps of apps/ and whether each serves gRPC. */
  apps: Array<{ name: string; grpc: boolean }>;
  /** Components reachable from outside the namespace (the gateway). */
  publicComponents: string[];
  /** Smallest memory limit of a service container, in MiB. */
  minMemoryLimitMiB: number;
}

export const MANIFEST_RULES = [
  'every container image is pinned by a version tag or digest (never latest)',
  'every container has cpu/memory requests and a memory limit at least the service working set',
  'every pod: runAsNonRoot, no privilege escalation, read-only root filesystem, all capabilities dropped, no host namespaces, no service-account token',
  'every Deployment: readiness /health/ready and liveness /health/live probes on a declared port',
  'every Deployment: terminationGracePeriodSeconds > preStop sleep + SHUTDOWN_GRACE_MS',
  'every app in apps/ has a Deployment running it (args), with a gRPC port exactly when its main.ts serves gRPC',
  'every Deployment has a Service whose selector and target ports match, and a PodDisruptionBudget that allows an eviction',
  'HorizontalPodAutoscalers target a Deployment that leaves replicas to them',
  'NetworkPolicy: every pod denies ingress by default; only the gateway is open beyond the namespace; gRPC ports never are',
  'no Secret is rendered, no secret-looking key in a ConfigMap or literal env value; envFrom ConfigMaps exist',
  'the migration Job is a pre-install/pre-upgrade hook that uses no object created by the release itself',
];

const COMPONENT = 'app.kubernetes.io/component';
const SECRET_KEY = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|API_?KEY|PSEUDONYM_KEY|DATABASE_URL|REDIS_URL)/i;

const nameOf = (object: K8sObject) => `${object.kind}/${object.metadata?.name ?? '?'}`;

export function podSpecOf(object: K8sObject): { spec?: PodSpec; labels: Record<string, string> } | undefined {
  switch (object.kind) {
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return { spec: object.spec?.template?.spec, labels: object.spec?.template?.metadata?.labels ?? {} };
    case 'CronJob':
      return { spec: object.spec?.jobTemplate?.spec?.template?.spec, labels: object.spec?.jobTemplate?.spec?.template?.metadata?.labels ?? {} };
    case 'Pod':
      return { spec: object.spec as PodSpec, labels: object.metadata?.labels ?? {} };
    default:
      return undefined;
  }
}

export function selectorMatches(selector: LabelSelector | undefined, labels: Record<string, string>): boolean {
  if (!selector) return false;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) if (labels[key] !== value) return false;
  for (const expression of selector.matchExpressions ?? []) {
    const present = Object.prototype.hasOwnProperty.call(labels, expression.key);
    const value = labels[expression.key];
    const values = expression.values ?? [];
    if (expression.operator === 'In' && !(present && values.includes(value))) return false;
    if (expression.operator === 'NotIn' && present && values.includes(value)) return false;
    if (expression.operator === 'Exists' && !present) return false;
    if (expression.operator === 'DoesNotExist' && present) return false;
  }
  return true;
}

const isHook = (object: K8sObject) => Boolean(object.metadata?.annotations?.['helm.sh/hook']);

/** Kubernetes quantity -> MiB (memory) or cores (cpu); NaN when unreadable. */
export function parseQuantity(value: string | number | undefined, kind: 'memory' | 'cpu'): number {
  if (value === undefined) return Number.NaN;
  const text = String(value);
  const match = /^([0-9.]+)([a-zA-Z]*)$/.exec(text);
  if (!match) return Number.NaN;
  const amount = Number(match[1]);
  const unit = match[2];
  if (kind === 'cpu') return unit === 'm' ? amount / 1000 : unit === '' ? amount : Number.NaN;
  const factors: Record<string, number> = {
    '': 1 / 1048576,
    k: 1000 / 1048576,
    Ki: 1 / 1024,
    M: 1e6 / 1048576,
    Mi: 1,
    G: 1e9 / 1048576,
    Gi: 1024,
  };
  return unit in factors ? amount * factors[unit] : Number.NaN;
}

/** The environment a container sees: ConfigMaps by envFrom, then env; values from Secrets are listed apart. */
export function containerEnvironment(
  container: Container,
  configMaps: Map<string, K8sObject>,
): { env: Record<string, string>; fromSecrets: string[]; missingConfigMaps: string[] } {
  const env: Record<string, string> = {};
  const fromSecrets: string[] = [];
  const missingConfigMaps: string[] = [];
  for (const source of container.envFrom ?? []) {
    const name = source.configMapRef?.name;
    if (!name) continue;
    const configMap = configMaps.get(name);
    if (!configMap) missingConfigMaps.push(name);
    else Object.assign(env, configMap.data ?? {});
  }
  for (const variable of container.env ?? []) {
    if (variable.valueFrom?.secretKeyRef) {
      fromSecrets.push(variable.name);
      delete env[variable.name];
    } else if (variable.valueFrom?.configMapKeyRef) {
      const ref = variable.valueFrom.configMapKeyRef;
      const value = configMaps.get(ref.name ?? '')?.data?.[ref.key ?? ''];
      if (value === undefined) missingConfigMaps.push(`${ref.name}:${ref.key}`);
      else env[variable.name] = value;
    } else env[variable.name] = variable.value ?? '';
  }
  return { env, fromSecrets, missingConfigMaps };
}

function probeTargetsPort(probe: Probe, container: Container): boolean {
  const port = probe.httpGet?.port ?? probe.tcpSocket?.port ?? probe.grpc?.port;
  if (port === undefined) return probe.exec !== undefined;
  return (container.ports ?? []).some((declared) => declared.name === port || declared.containerPort === port);
}

function preStopSeconds(container: Container): number {
  const preStop = container.lifecycle?.preStop;
  if (!preStop) return 0;
  if (preStop.sleep?.seconds !== undefined) return preStop.sleep.seconds;
  const command = preStop.exec?.command ?? [];
  const sleep = command.findIndex((word) => /(^|\/)sleep$/.test(word));
  return sleep >= 0 ? Number(command[sleep + 1] ?? 0) : 0;
}

function checkPod(object: K8sObject, spec: PodSpec, findings: string[], minMemoryLimitMiB: number | undefined): void {
  const where = nameOf(object);
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) findings.push(`${where}: uses a host namespace`);
  if (spec.automountServiceAccountToken !== false) findings.push(`${where}: set automountServiceAccountToken: false (the services call no Kubernetes API)`);
  const pod = spec.securityContext ?? {};
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  if (containers.length === 0) findings.push(`${where}: no containers`);
  for (const container of containers) {
    const at = `${where} container ${container.name ?? '?'}`;
    const image = container.image ?? '';
    const [nameAndTag, digest] = image.split('@');
    const tag = nameAndTag.lastIndexOf(':') > nameAndTag.lastIndexOf('/') ? nameAndTag.slice(nameAndTag.lastIndexOf(':') + 1) : '';
    if (image === '') findings.push(`${at}: no image`);
    else if (tag === 'latest') findings.push(`${at}: image ${image} uses "latest"`);
    else if (tag === '' && !digest) findings.push(`${at}: image ${image} is not pinned by a tag or digest`);
    const { requests = {}, limits = {} } = container.resources ?? {};
    for (const key of ['cpu', 'memory']) if (requests[key] === undefined) findings.push(`${at}: no ${key} request`);
    if (limits.memory === undefined) findings.push(`${at}: no memory limit`);
    else {
      const limit = parseQuantity(limits.memory, 'memory');
      const request = parseQuantity(requests.memory, 'memory');
      if (Number.isNaN(limit)) findings.push(`${at}: unreadable memory limit ${limits.memory}`);
      if (minMemoryLimitMiB !== undefined && limit < minMemoryLimitMiB) {
        findings.push(`${at}: memory limit ${limits.memory} is below ${minMemoryLimitMiB}Mi (a service sits at 220-300 MB resident under load)`);
      }
      if (request > limit) findings.push(`${at}: memory request ${requests.memory} exceeds its limit ${limits.memory}`);
    }
    const security = container.securityContext ?? {};
    const runAsNonRoot = security.runAsNonRoot ?? pod.runAsNonRoot;
    const runAsUser = security.runAsUser ?? pod.runAsUser;
    if (runAsNonRoot !== true) findings.push(`${at}: runAsNonRoot is not true`);
    if (runAsUser === 0) findings.push(`${at}: runAsUser 0 is root`);
    if (security.allowPrivilegeEscalation !== false) findings.push(`${at}: allowPrivilegeEscalation is not false`);
    if (security.privileged) findings.push(`${at}: privileged`);
    if (security.readOnlyRootFilesystem !== true) findings.push(`${at}: readOnlyRootFilesystem is not true`);
    if (!(security.capabilities?.drop ?? []).includes('ALL')) findings.push(`${at}: capabilities are not dropped (drop: [ALL])`);
    if ((security.capabilities?.add ?? []).length > 0) findings.push(`${at}: adds capabilities ${security.capabilities?.add?.join(', ')}`);
  }
}

export function checkManifests(objects: K8sObject[], context: ManifestContext): string[] {
  const findings: string[] = [];
  const byKind = (kind: string) => objects.filter((object) => object.kind === kind);
  const deployments = byKind('Deployment');
  const configMaps = new Map(byKind('ConfigMap').map((object) => [object.metadata?.name ?? '', object]));
  const releaseObjectNames = new Set(objects.filter((object) => !isHook(object)).map((object) => `${object.kind}/${object.metadata?.name}`));

  // Pods of every workload.
  for (const object of objects) {
    const pod = podSpecOf(object);
    if (!pod) continue;
    if (!pod.spec) {
      findings.push(`${nameOf(object)}: no pod template`);
      continue;
    }
    checkPod(object, pod.spec, findings, object.kind === 'Deployment' ? context.minMemoryLimitMiB : undefined);
    for (const container of pod.spec.containers ?? []) {
      const { missingConfigMaps } = containerEnvironment(container, configMaps);
      for (const missing of missingConfigMaps) findings.push(`${nameOf(object)}: references ConfigMap ${missing}, which the chart does not render`);
      for (const variable of container.env ?? []) {
        if (variable.value !== undefined && variable.value !== '' && SECRET_KEY.test(variable.name)) {
          findings.push(`${nameOf(object)}: ${variable.name} is a literal value; take it from a Secret`);
        }
      }
    }
    if (isHook(object)) {
      // A pre-install hook runs before the release's own objects exist.
      const uses = [
        ...(pod.spec.containers ?? []).flatMap((container) => (container.envFrom ?? []).map((source) => `ConfigMap/${source.configMapRef?.name}`)),
        ...(pod.spec.containers ?? []).flatMap((container) =>
          (container.env ?? []).map((variable) => `ConfigMap/${variable.valueFrom?.configMapKeyRef?.name}`),
        ),
        `ServiceAccount/${pod.spec.serviceAccountName}`,
      ];
      for (const used of uses) {
        if (releaseObjectNames.has(used)) findings.push(`${nameOf(object)}: a hook uses ${used}, which does not exist yet when pre-install hooks run`);
      }
    }
  }

  // Deployments: probes, shutdown budget, the apps.
  const seenApps = new Set<string>();
  for (const deployment of deployments) {
    const where = nameOf(deployment);
    const spec = deployment.spec?.template?.spec ?? {};
    const labels = deployment.spec?.template?.metadata?.labels ?? {};
    if (!selectorMatches(deployment.spec?.selector, labels)) findings.push(`${where}: its selector does not match its pod labels`);
    for (const container of spec.containers ?? []) {
      const at = `${where} container ${container.name ?? '?'}`;
      for (const [kind, path] of [
        ['readinessProbe', '/health/ready'],
        ['livenessProbe', '/health/live'],
      ] as const) {
        const probe = container[kind];
        if (!probe) findings.push(`${at}: no ${kind}`);
        else {
          if (!probeTargetsPort(probe, container)) findings.push(`${at}: ${kind} targets a port the container does not declare`);
          if (probe.httpGet && probe.httpGet.path !== path) findings.push(`${at}: ${kind} should call ${path} (got ${probe.httpGet.path})`);
        }
      }
      if (container.startupProbe && !probeTargetsPort(container.startupProbe, container)) findings.push(`${at}: startupProbe targets an undeclared port`);
      const { env } = containerEnvironment(container, configMaps);
      const graceMs = Number(env.SHUTDOWN_GRACE_MS ?? 10_000);
      const budgetMs = (spec.terminationGracePeriodSeconds ?? 30) * 1000;
      const neededMs = preStopSeconds(container) * 1000 + graceMs;
      if (!(budgetMs > neededMs)) {
        findings.push(`${at}: terminationGracePeriodSeconds ${budgetMs / 1000}s does not exceed preStop ${preStopSeconds(container)}s + SHUTDOWN_GRACE_MS ${graceMs}ms`);
      }
    }
    const component = labels[COMPONENT];
    const app = context.apps.find((candidate) => candidate.name === component);
    if (!app) {
      findings.push(`${where}: component ${component ?? '(none)'} is not an app in apps/`);
      continue;
    }
    seenApps.add(app.name);
    const container = spec.containers?.[0];
    if (container?.args?.[0] !== app.name) findings.push(`${where}: the container should run "${app.name}" (args), got ${JSON.stringify(container?.args)}`);
    const hasGrpcPort = (container?.ports ?? []).some((port) => port.name === 'grpc');
    if (app.grpc && !hasGrpcPort) findings.push(`${where}: apps/${app.name} serves gRPC but the container declares no grpc port`);
    if (!app.grpc && hasGrpcPort) findings.push(`${where}: apps/${app.name} serves no gRPC but the container declares a grpc port`);

    // Service, PodDisruptionBudget, HorizontalPodAutoscaler.
    const services = byKind('Service').filter((service) => {
      const selector = service.spec?.selector as Record<string, string> | undefined;
      return selector !== undefined && Object.keys(selector).length > 0 && Object.entries(selector).every(([key, value]) => labels[key] === value);
    });
    if (services.length === 0) findings.push(`${where}: no Service selects its pods`);
    for (const service of services) {
      for (const port of service.spec?.ports ?? []) {
        const target = port.targetPort ?? port.port;
        const declared = (spec.containers ?? []).some((candidate) => (candidate.ports ?? []).some((p) => p.name === target || p.containerPort === target));
        if (!declared) findings.push(`${nameOf(service)}: port ${port.name ?? port.port} targets ${target}, which ${where} does not declare`);
      }
      const serviceHasGrpc = (service.spec?.ports ?? []).some((port) => port.name === 'grpc');
      if (serviceHasGrpc !== app.grpc) findings.push(`${nameOf(service)}: ${app.grpc ? 'lacks' : 'has'} a grpc port but apps/${app.name} ${app.grpc ? 'serves' : 'does not serve'} gRPC`);
    }
    const hpa = byKind('HorizontalPodAutoscaler').find(
      (candidate) => candidate.spec?.scaleTargetRef?.kind === 'Deployment' && candidate.spec.scaleTargetRef.name === deployment.metadata?.name,
    );
    if (hpa && deployment.spec?.replicas !== undefined) findings.push(`${where}: sets replicas although ${nameOf(hpa)} scales it (every upgrade would reset the count)`);
    const replicas = hpa?.spec?.minReplicas ?? deployment.spec?.replicas ?? 1;
    const pdbs = byKind('PodDisruptionBudget').filter((pdb) => selectorMatches(pdb.spec?.selector, labels));
    if (pdbs.length === 0) findings.push(`${where}: no PodDisruptionBudget`);
    for (const pdb of pdbs) {
      const { minAvailable, maxUnavailable } = pdb.spec ?? {};
      if (typeof minAvailable === 'number' && minAvailable >= replicas) findings.push(`${nameOf(pdb)}: minAvailable ${minAvailable} with ${replicas} replica(s) blocks every node drain`);
      if (minAvailable === '100%' || maxUnavailable === 0 || maxUnavailable === '0%') findings.push(`${nameOf(pdb)}: allows no eviction (blocks node drains)`);
    }
  }
  for (const app of context.apps) if (!seenApps.has(app.name)) findings.push(`apps/${app.name}: no Deployment runs it`);
  for (const hpa of byKind('HorizontalPodAutoscaler')) {
    const target = hpa.spec?.scaleTargetRef;
    if (!deployments.some((deployment) => target?.kind === 'Deployment' && deployment.metadata?.name === target.name)) {
      findings.push(`${nameOf(hpa)}: targets ${target?.kind}/${target?.name}, which is not rendered`);
    }
    if ((hpa.spec?.minReplicas ?? 1) > (hpa.spec?.maxReplicas ?? 0)) findings.push(`${nameOf(hpa)}: minReplicas exceeds maxReplicas`);
  }

  // NetworkPolicy.
  const policies = byKind('NetworkPolicy').filter(
    (policy) => (policy.spec?.policyTypes ?? ['Ingress']).includes('Ingress'),
  );
  for (const deployment of deployments) {
    const where = nameOf(deployment);
    const labels = deployment.spec?.template?.metadata?.labels ?? {};
    const isPublic = context.publicComponents.includes(labels[COMPONENT] ?? '');
    const selecting = policies.filter((policy) => selectorMatches(policy.spec?.podSelector, labels));
    if (selecting.length === 0) {
      findings.push(`${where}: no NetworkPolicy selects its pods, so anything may connect`);
      continue;
    }
    if (isPublic) continue;
    const container = deployment.spec?.template?.spec?.containers?.[0];
    const grpcPort = container?.ports?.find((port) => port.name === 'grpc');
    for (const policy of selecting) {
      for (const rule of policy.spec?.ingress ?? []) {
        const ports = (rule.ports ?? []).map((port) => port.port);
        const allPorts = ports.length === 0;
        const opensGrpc = allPorts || (grpcPort !== undefined && ports.some((port) => port === 'grpc' || port === grpcPort.containerPort));
        const peers = rule.from ?? [];
        if (peers.length === 0) {
          findings.push(`${nameOf(policy)}: lets any source reach ${where} on ${allPorts ? 'every port' : ports.join(', ')}`);
          continue;
        }
        for (const peer of peers) {
          const external = peer.ipBlock !== undefined || peer.namespaceSelector !== undefined;
          if (external && opensGrpc) findings.push(`${nameOf(policy)}: opens ${where}'s gRPC port beyond the namespace`);
        }
      }
    }
  }

  // Secrets and configuration.
  for (const secret of byKind('Secret')) findings.push(`${nameOf(secret)}: the chart renders a Secret; reference secrets.existingSecret instead`);
  for (const configMap of byKind('ConfigMap')) {
    for (const key of Object.keys(configMap.data ?? {})) {
      if (SECRET_KEY.test(key)) findings.push(`${nameOf(configMap)}: ${key} looks secret; it belongs in a Secret`);
    }
  }

  // The migration hook.
  const migrations = byKind('Job').filter((job) => job.spec?.template?.spec?.containers?.some((container) => container.args?.[0] === 'migrate'));
  if (migrations.length === 0) findings.push('no migration Job (a container with args ["migrate"])');
  for (const job of migrations) {
    const hooks = (job.metadata?.annotations?.['helm.sh/hook'] ?? '').split(',').map((hook) => hook.trim());
    for (const hook of ['pre-install', 'pre-upgrade']) if (!hooks.includes(hook)) findings.push(`${nameOf(job)}: not a ${hook} hook`);
    const env = job.spec?.template?.spec?.containers?.[0]?.env ?? [];
    if (!env.some((variable) => variable.name === 'MIGRATION_DATABASE_URL' && variable.valueFrom?.secretKeyRef)) {
      findings.push(`${nameOf(job)}: MIGRATION_DATABASE_URL must come from a Secret`);
    }
  }
  return findings;
}

