// Resolves `@motcua/<lib>` to its source where jest's moduleNameMapper does not reach
// (global setup and teardown run in jest's parent process with plain require).
import Module from 'node:module';
import { join } from 'node:path';

const workspaceRoot = join(__dirname, '..', '..');
type Resolve = (request: string, ...rest: unknown[]) => string;
const moduleWithResolver = Module as unknown as { _resolveFilename: Resolve };
const original = moduleWithResolver._resolveFilename;

moduleWithResolver._resolveFilename = function resolveWorkspaceAlias(request: string, ...rest: unknown[]) {
  const match = /^@motcua\/([a-z-]+)$/.exec(request);
  const target = match ? join(workspaceRoot, 'libs', match[1], 'src', 'index.ts') : request;
  return original.call(this, target, ...rest);
};
