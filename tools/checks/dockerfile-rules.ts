// Static rules for deploy/Dockerfile, its ignore file and its entrypoint script: hadolint cannot be
// installed on the build machines and no Docker engine runs there, so these are the image's lint.

export interface DockerfileInstruction {
  keyword: string;
  args: string;
  line: number;
}

export interface DockerfileContext {
  /** Major version of Node the project declares (package.json engines). */
  nodeMajor: number;
  /** Ports the image must EXPOSE (the chart's HTTP and gRPC ports). */
  ports: number[];
  /** The build-context ignore file's text (deploy/Dockerfile.dockerignore), if any. */
  dockerignore?: string;
  /** Whether a path relative to the build context exists. */
  exists(path: string): boolean;
}

export const DOCKERFILE_RULES = [
  'every external base image is pinned to a full version tag or a digest, never latest',
  'the runtime base is node:<engines major>.x.y-*-slim',
  'the final stage runs as a numeric non-root USER',
  'PID 1 is tini or dumb-init, ENTRYPOINT and CMD in exec (JSON) form',
  'dependencies come from `npm ci` (the lockfile), never `npm install`',
  'no ADD, no sudo, no COPY of the whole context into the runtime stage',
  'apt-get: update, --no-install-recommends and list clean-up in the same RUN',
  'no secret-looking ARG or ENV',
  'every COPY source exists and is not excluded by deploy/Dockerfile.dockerignore',
  'the chart ports are EXPOSEd',
];

/** Instructions with continuations joined; comments and parser directives dropped. */
export function parseDockerfile(text: string): DockerfileInstruction[] {
  const instructions: DockerfileInstruction[] = [];
  let pending = '';
  let startLine = 0;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (pending === '' && /^\s*(#.*)?$/.test(line)) return;
    if (pending !== '' && /^\s*#/.test(line)) return; // comment inside a continuation
    if (pending === '') startLine = index + 1;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      return;
    }
    const full = (pending + line).trim();
    pending = '';
    const match = /^(\S+)\s*(.*)$/s.exec(full);
    if (match) instructions.push({ keyword: match[1].toUpperCase(), args: match[2].trim(), line: startLine });
  });
  if (pending.trim() !== '') {
    const match = /^(\S+)\s*(.*)$/s.exec(pending.trim());
    if (match) instructions.push({ keyword: match[1].toUpperCase(), args: match[2].trim(), line: startLine });
  }
  return instructions;
}

function jsonArray(args: string): string[] | undefined {
  if (!args.startsWith('[')) return undefined;
  try {
    const value: unknown = JSON.parse(args);
    return Array.isArray(value) && value.every((item) => typeof item === 'string') ? (value as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Splits `--flag=value ... src... dest` of COPY/ADD into flags and paths. */
function copyParts(args: string): { flags: Record<string, string>; sources: string[]; dest: string } {
  const words = jsonArray(args) ?? args.split(/\s+/).filter(Boolean);
  const flags: Record<string, string> = {};
  while (words.length > 0 && words[0].startsWith('--')) {
    const [name, value = ''] = (words.shift() as string).slice(2).split('=', 2);
    flags[name] = value;
  }
  const dest = words.pop() ?? '';
  return { flags, sources: words, dest };
}

/** Docker's ignore-file matching: last matching pattern wins; a match on a parent excludes the children. */
export function isExcludedByDockerignore(path: string, dockerignore: string): boolean {
  const toRegExp = (pattern: string): RegExp => {
    let source = '';
    for (let index = 0; index < pattern.length; index++) {
      const char = pattern[index];
      if (char === '*' && pattern[index + 1] === '*') {
        source += '.*';
        index++;
        if (pattern[index + 1] === '/') index++;
      } else if (char === '*') source += '[^/]*';
      else if (char === '?') source += '[^/]';
      else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    return new RegExp(`^${source}$`);
  };
  const rules = dockerignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negated = line.startsWith('!');
      const pattern = (negated ? line.slice(1) : line).trim().replace(/^\/+/, '').replace(/\/+$/, '');
      return { negated, regexp: toRegExp(pattern) };
    });
  const segments = path.replace(/^\.\//, '').replace(/\/+$/, '').split('/');
  const prefixes = segments.map((_, index) => segments.slice(0, index + 1).join('/'));
  let excluded = false;
  for (const rule of rules) {
    if (prefixes.some((prefix) => rule.regexp.test(prefix))) excluded = !rule.negated;
  }
  return excluded;
}

const SECRET_NAME = /(PASSWORD|PASSWD|SECRET|TOKEN|PRIVATE|API_?KEY|PSEUDONYM_KEY|DATABASE_URL|REDIS_URL)/i;

export function lintDockerfile(text: string, context: DockerfileContext): string[] {
  const findings: string[] = [];
  const at = (instruction: DockerfileInstruction, message: string) => findings.push(`Dockerfile:${instruction.line} ${message}`);
  const instructions = parseDockerfile(text);
  const globalArgs = new Map<string, string>();
  const stages: Array<{ from: DockerfileInstruction; image: string; name?: string; body: DockerfileInstruction[] }> = [];

  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const words = instruction.args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const image = words[0] ?? '';
      const name = words[1]?.toUpperCase() === 'AS' ? words[2] : undefined;
      stages.push({ from: instruction, image, name, body: [] });
    } else if (stages.length === 0) {
      if (instruction.keyword === 'ARG') {
        const [name, value = ''] = instruction.args.split('=', 2);
        globalArgs.set(name.trim(), value.trim());
      }
    } else {
      stages[stages.length - 1].body.push(instruction);
    }
  }
  if (stages.length === 0) return ['Dockerfile: no FROM instruction'];

  // Base images.
  const stageNames = new Set<string>();
  let nodeBase = false;
  for (const stage of stages) {
    const image = stage.image.replace(/\$\{?(\w+)\}?/g, (_, name: string) => globalArgs.get(name) ?? `<unset ${name}>`);
    if (stageNames.has(image)) {
      if (stage.name) stageNames.add(stage.name);
      continue;
    }
    if (stage.name) stageNames.add(stage.name);
    if (image.includes('<unset')) at(stage.from, `FROM ${stage.image}: an ARG without a default`);
    const [nameAndTag, digest] = image.split('@');
    const slash = nameAndTag.lastIndexOf('/');
    const colon = nameAndTag.indexOf(':', slash + 1);
    const repository = colon < 0 ? nameAndTag : nameAndTag.slice(0, colon);
    const tag = colon < 0 ? '' : nameAndTag.slice(colon + 1);
    if (tag === 'latest') at(stage.from, `FROM ${image}: "latest" is not a pinned version`);
    else if (!digest && !/^v?\d+\.\d+\.\d+/.test(tag)) at(stage.from, `FROM ${image}: pin a full version tag (x.y.z) or a digest`);
    if (digest && !/^sha256:[a-f0-9]{64}$/.test(digest)) at(stage.from, `FROM ${image}: malformed digest`);
    if (repository === 'node' || repository.endsWith('/node')) {
      nodeBase = true;
      if (!tag.startsWith(`${context.nodeMajor}.`)) at(stage.from, `FROM ${image}: the project runs on Node ${context.nodeMajor} (package.json engines)`);
      if (!tag.includes('-slim')) at(stage.from, `FROM ${image}: use the -slim variant`);
    }
  }
  if (!nodeBase) findings.push(`Dockerfile: no stage is built on node:${context.nodeMajor}.x.y-*-slim`);

  // The runtime (final) stage.
  const final = stages[stages.length - 1];
  const finalOf = (keyword: string) => final.body.filter((instruction) => instruction.keyword === keyword);
  const user = finalOf('USER').at(-1);
  if (!user) findings.push('Dockerfile: the final stage has no USER (it would run as root)');
  else {
    const [uid, gid] = user.args.split(':');
    if (!/^\d+$/.test(uid)) at(user, `USER ${user.args}: use a numeric UID so that Kubernetes can verify runAsNonRoot`);
    else if (Number(uid) === 0) at(user, 'USER 0 is root');
    if (gid !== undefined && (!/^\d+$/.test(gid) || Number(gid) === 0)) at(user, `USER ${user.args}: use a numeric non-root group`);
  }
  const entrypoint = finalOf('ENTRYPOINT').at(-1);
  if (!entrypoint) findings.push('Dockerfile: the final stage has no ENTRYPOINT (tini as PID 1)');
  else {
    const words = jsonArray(entrypoint.args);
    if (!words) at(entrypoint, 'ENTRYPOINT must use the exec (JSON) form, or signals never reach the service');
    else if (!/(^|\/)(tini|dumb-init)$/.test(words[0] ?? '')) at(entrypoint, `ENTRYPOINT ${entrypoint.args}: PID 1 must be an init (tini or dumb-init) that forwards SIGTERM`);
  }
  for (const cmd of finalOf('CMD')) {
    if (!jsonArray(cmd.args)) at(cmd, 'CMD must use the exec (JSON) form');
  }
  for (const copy of finalOf('COPY')) {
    const { flags, sources } = copyParts(copy.args);
    if (!flags.from && sources.some((source) => source === '.' || source === './')) at(copy, 'the runtime stage copies the whole build context');
  }
  const exposed = new Set(finalOf('EXPOSE').flatMap((expose) => expose.args.split(/\s+/).map((port) => Number(port.split('/')[0]))));
  for (const port of context.ports) {
    if (!exposed.has(port)) findings.push(`Dockerfile: the final stage does not EXPOSE ${port} (a chart port)`);
  }

  // Every stage.
  let npmCi = false;
  for (const stage of stages) {
    for (const instruction of stage.body) {
      const { keyword, args } = instruction;
      if (keyword === 'ADD') at(instruction, 'use COPY, not ADD (no remote URLs or implicit archive extraction)');
      if (keyword === 'RUN') {
        if (/\bnpm ci\b/.test(args)) npmCi = true;
        if (/\bnpm (install|i|add)\b(?!-)/.test(args)) at(instruction, 'use `npm ci` (the lockfile), not `npm install`');
        if (/\bsudo\b/.test(args)) at(instruction, 'no sudo in a Dockerfile');
        if (/\bapt-get\b[^&;|]*\binstall\b/.test(args)) {
          if (!/--no-install-recommends/.test(args)) at(instruction, 'apt-get install without --no-install-recommends');
          if (!/apt-get\s+update/.test(args)) at(instruction, 'apt-get install without apt-get update in the same RUN');
          if (!/rm -rf \/var\/lib\/apt\/lists/.test(args)) at(instruction, 'apt-get install without removing /var/lib/apt/lists in the same RUN');
        }
      }
      if (keyword === 'ENV' || keyword === 'ARG') {
        const names = [...args.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)(?==|\s|$)/g)].map((match) => match[1]);
        for (const name of names) {
          if (SECRET_NAME.test(name)) at(instruction, `${keyword} ${name}: secrets never go into an image (they stay in its history)`);
        }
      }
      if (keyword === 'WORKDIR' && !args.startsWith('/')) at(instruction, `WORKDIR ${args}: use an absolute path`);
      if (keyword === 'COPY' || keyword === 'ADD') {
        const { flags, sources } = copyParts(args);
        if (flags.from) continue;
        for (const source of sources) {
          if (!context.exists(source)) at(instruction, `COPY ${source}: no such path in the build context`);
          else if (context.dockerignore !== undefined && isExcludedByDockerignore(source, context.dockerignore)) {
            at(instruction, `COPY ${source}: excluded by deploy/Dockerfile.dockerignore`);
          }
        }
      }
    }
  }
  if (!npmCi) findings.push('Dockerfile: no `npm ci` step (dependencies must come from package-lock.json)');
  if (context.dockerignore === undefined) findings.push('deploy/Dockerfile.dockerignore is missing: the whole repository (node_modules, .git) would be sent as the build context');
  else {
    for (const path of ['node_modules', '.git', 'tmp']) {
      if (!isExcludedByDockerignore(path, context.dockerignore)) findings.push(`deploy/Dockerfile.dockerignore does not exclude ${path}`);
    }
  }
  return findings;
}

export const ENTRYPOINT_RULES = ['the entrypoint script is POSIX sh with `set -eu`, execs node, and knows exactly the apps in apps/'];

/** deploy/docker-entrypoint.sh: the services it accepts are exactly the apps. */
export function lintEntrypoint(text: string, apps: string[]): string[] {
  const findings: string[] = [];
  if (!text.startsWith('#!/bin/sh')) findings.push('docker-entrypoint.sh: start with #!/bin/sh (the slim image has no bash guarantee)');
  if (!/^set -eu/m.test(text)) findings.push('docker-entrypoint.sh: missing `set -eu`');
  if (!/exec node /.test(text)) findings.push('docker-entrypoint.sh: node must be exec\'d (so it receives the signals tini forwards)');
  const list = /^SERVICES="([^"]*)"/m.exec(text)?.[1].split(/\s+/).filter(Boolean) ?? [];
  const listed = new Set(list);
  for (const app of apps) if (!listed.has(app)) findings.push(`docker-entrypoint.sh: SERVICES lacks ${app} (apps/${app})`);
  for (const name of list) if (!apps.includes(name)) findings.push(`docker-entrypoint.sh: SERVICES names ${name}, which is not in apps/`);
  return findings;
}
