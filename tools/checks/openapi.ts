// The OpenAPI check of the test command: builds the gateway's OpenAPI 3.1 document from the
// code without starting anything, validates it against the OpenAPI schema, fails when a
// route has no documentation or when the committed copy docs/api/openapi.json is stale.
//   node -r @swc-node/register tools/checks/openapi.ts           check
//   node -r @swc-node/register tools/checks/openapi.ts --write   rewrite docs/api/openapi.json
import 'reflect-metadata';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { buildGatewayDocument, serializeDocument } from '../../apps/gateway/src/openapi/document-app';

const workspaceRoot = join(__dirname, '..', '..');
const committed = join(workspaceRoot, 'docs', 'api', 'openapi.json');
const shown = relative(workspaceRoot, committed);

async function main(): Promise<number> {
  const write = process.argv.includes('--write');
  const build = await buildGatewayDocument();
  const failures: string[] = [];
  if (build.undocumented.length > 0) {
    failures.push(`routes without @ApiOperation (or an entry in platform-routes.ts):\n${build.undocumented.map((route) => `  ${route}\n`).join('')}`);
  }
  const validation = await new Validator().validate(build.document as unknown as Record<string, unknown>);
  if (!validation.valid) failures.push(`the document is not valid OpenAPI ${build.document.openapi}:\n${JSON.stringify(validation.errors, null, 2)}\n`);
  const text = serializeDocument(build);
  if (write) {
    mkdirSync(dirname(committed), { recursive: true });
    writeFileSync(committed, text);
    process.stdout.write(`wrote ${shown}\n`);
  } else if (!existsSync(committed) || readFileSync(committed, 'utf8') !== text) {
    failures.push(`${shown} is stale (it differs from what the routes' decorators produce now): run \`node -r @swc-node/register tools/checks/openapi.ts --write\` and commit it\n`);
  }
  if (failures.length > 0) {
    process.stderr.write(`openapi: ${failures.join('openapi: ')}`);
    return 1;
  }
  const operations = Object.values(build.document.paths).reduce((count, item) => count + Object.keys(item).length, 0);
  process.stdout.write(`openapi: valid OpenAPI ${build.document.openapi}, ${operations} operations, every route documented${write ? '' : `, ${shown} up to date`}\n`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`openapi: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
