#!/usr/bin/env node
// Copies the runtime subset of an installed node_modules tree into <target>/node_modules:
// the production dependencies plus the TypeScript loader the services start with
// (`node -r @swc-node/register`), which is a devDependency. Used by deploy/Dockerfile after
// a full `npm ci`; both sets come from `npm query` on the same lockfile-built tree, so every
// package keeps the location (and version) npm gave it.
//
//   node deploy/runtime-modules.mjs /runtime
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join, sep } from 'node:path';

const target = process.argv[2];
if (!target) {
  process.stderr.write('usage: node deploy/runtime-modules.mjs <target-dir>\n');
  process.exit(64);
}

/** Packages the image needs at run time beyond `dependencies`: the loader and its peers (@swc/core, typescript). */
const LOADER = '[name="@swc-node/register"], [name="@swc-node/register"] *';

function query(selector) {
  const out = execFileSync('npm', ['query', selector], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  return JSON.parse(out)
    .map((node) => node.location)
    .filter((location) => typeof location === 'string' && location.startsWith('node_modules/'));
}

const locations = [...new Set([...query('.prod'), ...query(LOADER)])].sort();
if (!locations.some((location) => location === 'node_modules/@swc-node/register')) {
  process.stderr.write('runtime-modules: @swc-node/register is not installed (run a full `npm ci` first)\n');
  process.exit(1);
}

for (const location of locations) {
  if (!existsSync(location)) continue; // an optional dependency for another platform
  const nested = `${location}/node_modules`;
  mkdirSync(join(target, location), { recursive: true });
  // Nested node_modules are copied as their own locations, so dev-only nested packages stay out.
  cpSync(location, join(target, location), {
    recursive: true,
    verbatimSymlinks: true,
    filter: (source) => source !== nested && !source.startsWith(nested + sep),
  });
}
process.stdout.write(`runtime-modules: ${locations.length} packages copied to ${join(target, 'node_modules')}\n`);
