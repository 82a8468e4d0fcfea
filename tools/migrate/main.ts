// The migrate command: `npm run migrate` (every service) or `npm run migrate -- <service>`.
import { migrateAll } from './migrate-all';

async function main(): Promise<void> {
  const url = process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
  if (!url) throw new Error('Set MIGRATION_DATABASE_URL (or DATABASE_URL) to the schema owner connection URL');
  const applied = await migrateAll(url, process.argv[2]);
  for (const [service, names] of Object.entries(applied)) {
    process.stdout.write(`${service}: ${names.length ? names.join(', ') : 'up to date'}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`migrate failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
