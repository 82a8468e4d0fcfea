// The contracts command: `npm run contracts:generate` (ts-proto types + docs/events.md),
// `npm run contracts:docs` (docs/events.md only) and `npm run contracts:check` (buf lint,
// then regenerate into a temporary directory and fail if a committed file differs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { allEventDefinitions } from '@motcua/contracts';
import { renderEventReference } from './event-reference';

const workspaceRoot = join(__dirname, '..', '..');
const contractsRoot = join(workspaceRoot, 'libs', 'contracts');
const generatedDir = join(contractsRoot, 'src', 'generated');
const eventsDoc = join(workspaceRoot, 'docs', 'events.md');
const buf = join(workspaceRoot, 'node_modules', '.bin', 'buf');

class ContractsCommandError extends Error {}

function runBuf(args: string[]): void {
  const result = spawnSync(buf, args, { cwd: contractsRoot, stdio: 'inherit' });
  if (result.error) throw new ContractsCommandError(`buf ${args[0]} could not run: ${result.error.message}`);
  if (result.status !== 0) throw new ContractsCommandError(`buf ${args.join(' ')} failed (exit ${result.status})`);
}

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
}

function writeDocs(): void {
  writeFileSync(eventsDoc, renderEventReference(allEventDefinitions()));
  process.stdout.write(`wrote ${relative(workspaceRoot, eventsDoc)}\n`);
}

function generate(): void {
  runBuf(['generate']);
  process.stdout.write(`wrote ${relative(workspaceRoot, generatedDir)}/\n`);
  writeDocs();
}

/** Returns the workspace-relative paths of committed files that differ from a fresh generation. */
function staleFiles(): string[] {
  const scratch = mkdtempSync(join(tmpdir(), 'motcua-contracts-'));
  try {
    runBuf(['generate', '--output', scratch]);
    const freshDir = join(scratch, 'src', 'generated');
    const fresh = listFiles(freshDir);
    const committed = listFiles(generatedDir);
    const stale = new Set<string>();
    for (const file of new Set([...fresh, ...committed])) {
      const a = join(freshDir, file);
      const b = join(generatedDir, file);
      if (!existsSync(a) || !existsSync(b) || readFileSync(a, 'utf8') !== readFileSync(b, 'utf8')) {
        stale.add(relative(workspaceRoot, b));
      }
    }
    const docs = renderEventReference(allEventDefinitions());
    if (!existsSync(eventsDoc) || readFileSync(eventsDoc, 'utf8') !== docs) stale.add(relative(workspaceRoot, eventsDoc));
    return [...stale].sort();
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function check(): void {
  runBuf(['lint']);
  const stale = staleFiles();
  if (stale.length > 0) {
    process.stderr.write(
      `Generated contract files are stale (they differ from what the .proto files and event schemas produce now):\n` +
        stale.map((file) => `  ${file}\n`).join('') +
        'Run `npm run contracts:generate` and commit the result.\n',
    );
    process.exit(1);
  }
  process.stdout.write('contracts: buf lint clean; generated types and docs/events.md are up to date\n');
}

const commands: Record<string, () => void> = { generate, docs: writeDocs, check };
const command = commands[process.argv[2] ?? ''];
if (!command) {
  process.stderr.write(`usage: contracts.ts <${Object.keys(commands).join('|')}>\n`);
  process.exit(2);
}
try {
  command();
} catch (error) {
  if (!(error instanceof ContractsCommandError)) throw error;
  process.stderr.write(`contracts: ${error.message}\n`);
  process.exit(1);
}
