import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * ResultService.GetResultForFiling gives a result's PDF to any caller WITHOUT an actor (intake
 * filing it in the applicant's wallet). Anonymous gateway requests carry no actor either, so
 * the gateway must never call it: the gateway reaches processing only through the named
 * methods of `ServiceClients.processingResults`, and these are the only ones it may name.
 * (docs/adr/0009-result-signatures.md, "Filing in the wallet".)
 */
const ROUTED_RESULT_METHODS = ['getResultDocument', 'getSigningKey', 'verifyResult'];
const SOURCE = join(__dirname, '..');

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('the gateway and the service-to-service result RPC', () => {
  const files = sources(SOURCE).map((path) => ({ path: relative(SOURCE, path), text: readFileSync(path, 'utf8') }));

  it('reads the gateway sources, results controller included', () => {
    expect(files.map((file) => file.path)).toContain(join('routes', 'results.controller.ts'));
  });

  it('names GetResultForFiling nowhere', () => {
    expect(files.filter((file) => /getResultForFiling|GetResultForFiling/i.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('calls processing results only through the routed methods, never by a computed name', () => {
    const called = new Set<string>();
    for (const file of files) {
      expect(file.text).not.toMatch(/processingResults\s*\[/);
      for (const match of file.text.matchAll(/processingResults\s*\.\s*(\w+)/g)) called.add(match[1]);
    }
    expect([...called].sort()).toEqual(ROUTED_RESULT_METHODS);
  });
});
