// The search benchmark: `npm run bench:search -- --seconds 10 --clients 4`.
// Creates and migrates a fresh database, starts the catalogue service in-process, imports a
// generated province-sized catalogue (tools/seed/catalogue, 1,700 procedures) through
// ImportCatalogue, then runs mixed SearchProcedures queries over gRPC (with and without
// diacritics, word prefixes, code prefixes, filters) with C clients for T seconds and prints
// the latency percentiles (target: p99 ≤ 20 ms). Everything is dropped afterwards.
import '../../testing/workspace-aliases';
import { CatalogueV1, GrpcServices } from '@motcua/contracts';
import { serviceDatabaseNames } from '@motcua/persistence';
import { createGrpcClient } from '@motcua/rpc';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';
import { freePort, resolveKafkaBrokers } from '@motcua/testing';
import { loadCatalogueConfig } from '../../../apps/catalogue/src/config/catalogue.config';
import { startCatalogue } from '../../../apps/catalogue/src/main';
import { foldVietnamese, parseSearchQuery } from '../../../apps/catalogue/src/search/domain/search-text';
import { ProcedureSearchRepository } from '../../../apps/catalogue/src/search/persistence/procedure-search.repository';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { generateCatalogue } from '../../seed/catalogue/catalogue-generator';
import { createBenchDatabase } from '../submit/database';
import { inProcessServiceEnv } from '../shared/service-env';

const TENANT = 'bench-province';
const ADMIN: Actor = { subject: 'bench-admin', roles: ['tenant_admin'] };
const CITIZEN: Actor = { subject: 'bench-citizen', roles: ['citizen'] };

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number`);
  return value;
}

const say = (message: string) => process.stderr.write(`bench: ${message}\n`);

type Query = Partial<CatalogueV1.SearchProceduresRequest> & { kind: string };

/** A deterministic mix drawn from the catalogue itself. */
function queries(catalogue: ReturnType<typeof generateCatalogue>): Query[] {
  const procedures = catalogue.procedures ?? [];
  const out: Query[] = [];
  procedures.forEach((p, i) => {
    if (i % 7 !== 0) return;
    const words = p.name.split(/\s+/);
    const switchKind = (i / 7) % 6;
    if (switchKind === 0) out.push({ kind: 'name with diacritics', query: words.slice(0, 4).join(' ') });
    else if (switchKind === 1) out.push({ kind: 'name without diacritics', query: foldVietnamese(words.slice(0, 4).join(' ')) });
    else if (switchKind === 2) out.push({ kind: 'word prefixes', query: foldVietnamese(words.slice(0, 3).join(' ')).slice(0, -2) });
    else if (switchKind === 3) out.push({ kind: 'code prefix', query: p.code.slice(0, 6) });
    else if (switchKind === 4) out.push({ kind: 'words + level/online filters', query: foldVietnamese(words.slice(1, 3).join(' ')), level: p.level, onlineLevel: p.online_level });
    else out.push({ kind: 'field filter, no words', field: p.field, pageSize: 20 });
  });
  out.push({ kind: 'common words', query: 'cap giay' }, { kind: 'common words', query: 'đăng ký' }, { kind: 'empty (browse)', query: '' });
  return out;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const seconds = option('seconds', 10);
  const clients = option('clients', 4);
  const size = option('procedures', 1700);

  say('creating and migrating a fresh database…');
  const database = await createBenchDatabase();
  const kafka = await resolveKafkaBrokers();
  const url = `127.0.0.1:${await freePort()}`;
  const service = await startCatalogue(
    loadCatalogueConfig({
      ...inProcessServiceEnv('catalogue', database, kafka.brokers, url),
    }),
  );
  const client = createGrpcClient(GrpcServices.catalogue, url, { deadlineMs: 600_000 });
  try {
    const catalogue = generateCatalogue({ procedures: size, seed: 1, tenant: TENANT });
    say(`importing ${catalogue.procedures?.length} procedures through ImportCatalogue…`);
    const started = performance.now();
    const imported = await runInTenant({ tenantId: TENANT, traceId: newTraceId(), actor: ADMIN }, () =>
      client.importCatalogue({ json: Buffer.from(JSON.stringify(catalogue), 'utf8'), csv: {}, dryRun: false }),
    );
    const importMs = performance.now() - started;
    say(`imported: ${imported.changes} writes in ${(importMs / 1000).toFixed(1)} s`);
    await database.query('ANALYZE');

    const mix = queries(catalogue);
    const search = (q: Query) =>
      runInTenant({ tenantId: TENANT, traceId: newTraceId(), actor: CITIZEN }, () =>
        client.searchProcedures({ query: '', field: '', level: '', agencyCode: '', onlineLevel: '', pageSize: 20, pageToken: '', ...q }),
      );
    say(`warming up (${mix.length} distinct queries)…`);
    let hits = 0;
    for (const q of mix) hits += (await search(q)).procedures.length > 0 ? 1 : 0;

    say(`measuring: ${clients} clients for ${seconds} s…`);
    const latencies: number[] = [];
    const byKind = new Map<string, number[]>();
    const deadline = performance.now() + seconds * 1000;
    let next = 0;
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() < deadline) {
          const q = mix[next++ % mix.length];
          const t0 = performance.now();
          await search(q);
          const ms = performance.now() - t0;
          latencies.push(ms);
          byKind.set(q.kind, [...(byKind.get(q.kind) ?? []), ms]);
        }
      }),
    );
    latencies.sort((a, b) => a - b);

    // The repository's SQL alone, on one connection as the app role in a tenant transaction:
    // what the database costs without gRPC, Nest and the pool.
    say(`measuring the repository's SQL alone for ${seconds} s…`);
    const sqlLatencies: number[] = [];
    const pg = new Client({ connectionString: database.urlAs(serviceDatabaseNames('catalogue').appRole) });
    await pg.connect();
    try {
      await pg.query('BEGIN');
      await pg.query(`SELECT set_config('app.tenant_id', $1, true)`, [TENANT]);
      const manager = { query: async (text: string, values?: unknown[]) => (await pg.query(text, values)).rows } as unknown as EntityManager;
      const repository = new ProcedureSearchRepository();
      const sqlDeadline = performance.now() + seconds * 1000;
      let i = 0;
      await runInTenant({ tenantId: TENANT, traceId: newTraceId(), actor: CITIZEN }, async () => {
        while (performance.now() < sqlDeadline) {
          const q = mix[i++ % mix.length];
          const filters = { field: q.field || undefined, level: q.level || undefined, onlineLevel: q.onlineLevel || undefined };
          const t0 = performance.now();
          await repository.search(manager, parseSearchQuery(q.query ?? ''), filters, new Date(), 21, 0);
          sqlLatencies.push(performance.now() - t0);
        }
      });
      await pg.query('COMMIT');
    } finally {
      await pg.end();
    }
    const line = (label: string, values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      return `${label.padEnd(30)} n=${String(sorted.length).padStart(6)}  p50 ${percentile(sorted, 50).toFixed(2)} ms  p95 ${percentile(sorted, 95).toFixed(2)} ms  p99 ${percentile(sorted, 99).toFixed(2)} ms  max ${sorted[sorted.length - 1].toFixed(2)} ms`;
    };
    const report = [
      `search benchmark: ${size} procedures, ${clients} clients, ${seconds} s, gRPC SearchProcedures (page size 20), PostgreSQL ${database.settings.version}`,
      `import: ${imported.changes} writes in ${(importMs / 1000).toFixed(1)} s (one transaction)`,
      `queries: ${mix.length} distinct, ${hits} with hits; ${(latencies.length / seconds).toFixed(0)} searches/s`,
      line('all', latencies),
      ...[...byKind.entries()].map(([kind, values]) => line(`  ${kind}`, values)),
      line('repository SQL alone (1 conn)', sqlLatencies),
      `target p99 ≤ 20 ms: ${percentile(latencies, 99) <= 20 ? 'met' : 'NOT met'}`,
    ].join('\n');
    process.stdout.write(`${report}\n`);
  } finally {
    client.close();
    await service.stop();
    await kafka.stop();
    await database.drop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
