// The submission transaction's SQL alone, with pgbench: BEGIN; bind the tenant; insert the
// dossier, its applicant and the dossier.submitted outbox row; COMMIT — as intake's app role, so
// forced row-level security applies as in the service. The values are those of a dossier the
// platform stored in this run, so rows have the same size and shape.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceDatabaseNames } from '@motcua/persistence';
import type { BenchDatabase } from './database';

const PGBENCH = process.env.PGBENCH ?? '/usr/bin/pgbench';

/** A stored dossier, its applicant and its outbox row: the values the script inserts again. */
interface SampleRow {
  tenant_id: string;
  procedure_id: string;
  procedure_code: string;
  agency_id: string;
  submitted_by: string;
  status: string;
  channel: string;
  applicant_pseudonym: string;
  components: string;
  full_name: string;
  citizen_id: string;
  topic: string;
  type: string;
  headers: string;
  data: string;
}

export interface PgbenchResult {
  tps: number;
  latencyAverageMs?: number;
  transactions?: number;
  failed?: number;
  command: string;
}

async function sampleSubmission(database: BenchDatabase): Promise<SampleRow> {
  const rows = await database.query<SampleRow>(
    `SELECT d.tenant_id, d.procedure_id::text, d.procedure_code, d.agency_id, d.submitted_by, 'submitted' AS status, d.channel,
            d.applicant_pseudonym, d.components::text, a.full_name, a.citizen_id, o.topic, o.type, o.headers::text, o.data::text
     FROM intake.dossiers d
     JOIN intake.applicants a ON a.tenant_id = d.tenant_id AND a.dossier_id = d.id
     JOIN intake.outbox o ON o.tenant_id = d.tenant_id AND o.message_key = d.id::text AND o.type = 'dossier.submitted'
     LIMIT 1`,
  );
  if (rows.length === 0) throw new Error('pgbench: no submitted dossier in the database to take its values from');
  return rows[0];
}

// Ids as in the service (a fresh uuid per dossier, the same one in all three rows), made from two
// random 62-bit numbers. pgbench reads `:word` as a variable anywhere in a command, JSON and
// timestamp literals included: every value therefore travels as a -D variable (a bound
// parameter with -M prepared, as in the service), and `::` casts are safe.
const SCRIPT = `\\set hi random(0, 4611686018427387903)
\\set lo random(0, 4611686018427387903)
BEGIN;
SELECT set_config('app.tenant_id', :tenant_id, true);
INSERT INTO intake.dossiers (tenant_id, id, procedure_id, procedure_code, agency_id, submitted_by, status, channel, applicant_pseudonym, components, submitted_at, updated_at) VALUES (:tenant_id, (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid, :procedure_id::uuid, :procedure_code, :agency_id, :submitted_by, :status, :channel, :applicant_pseudonym, :components::jsonb, now(), now());
INSERT INTO intake.applicants (tenant_id, dossier_id, full_name, citizen_id) VALUES (:tenant_id, (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid, :full_name, :citizen_id);
INSERT INTO intake.outbox (tenant_id, id, topic, message_key, type, headers, data) VALUES (:tenant_id, gen_random_uuid(), :topic, (lpad(to_hex(:hi::bigint), 16, '0') || lpad(to_hex(:lo::bigint), 16, '0'))::uuid::text, :type, :headers::jsonb, :data::jsonb);
COMMIT;
`;

function run(file: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { maxBuffer: 16 * 1024 * 1024, timeout: 30 * 60_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} failed (${error.message.split('\n')[0]}):\n${stderr.trim().slice(-2000)}`, { cause: error }));
      else resolve({ stdout, stderr });
    });
  });
}

function matchNumber(text: string, pattern: RegExp): number | undefined {
  const match = pattern.exec(text);
  return match ? Number(match[1]) : undefined;
}

export async function runPgbench(database: BenchDatabase, clients: number, seconds: number, threads: number): Promise<PgbenchResult> {
  const sample = await sampleSubmission(database);
  const directory = await mkdtemp(join(tmpdir(), 'motcua-bench-pgbench-'));
  try {
    const script = join(directory, 'submit-dossier.sql');
    await writeFile(script, SCRIPT);
    const variables = Object.entries(sample).flatMap(([name, value]) => ['-D', `${name}=${String(value)}`]);
    const options = ['-n', '-M', 'prepared', '-c', String(clients), '-j', String(Math.min(clients, threads)), '-T', String(seconds)];
    const url = database.urlAs(serviceDatabaseNames('intake').appRole);
    const { stdout } = await run(PGBENCH, [...options, ...variables, '-f', script, url]);
    const tps = matchNumber(stdout, /^tps = ([\d.]+) \(without initial connection time\)$/m);
    if (tps === undefined) throw new Error(`pgbench printed no TPS:\n${stdout.slice(-2000)}`);
    return {
      tps,
      latencyAverageMs: matchNumber(stdout, /^latency average = ([\d.]+) ms$/m),
      transactions: matchNumber(stdout, /^number of transactions actually processed: (\d+)/m),
      failed: matchNumber(stdout, /^number of failed transactions: (\d+)/m),
      command: `pgbench ${options.join(' ')} -D <values of a stored dossier> -f submit-dossier.sql <intake app role URL>`,
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
