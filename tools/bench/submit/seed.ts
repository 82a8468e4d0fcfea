// The tenant and procedure the load submits to, created through the gateway as in the dev
// stack, then one probe dossier followed until evaluation counts it: the whole path works and
// every consumer has joined its group before any measurement.
import { randomUUID } from 'node:crypto';
import { seedDemo } from '../../dev/seed-demo';
import type { BenchDatabase } from './database';
import type { Submission } from './load';
import type { RunningPlatform } from './platform';

const PROBE_TIMEOUT_MS = 60_000;

export async function seedAndProbe(platform: RunningPlatform, database: BenchDatabase): Promise<Submission> {
  const demo = await seedDemo(platform.gatewayUrl, platform.identity);
  const submission: Submission = {
    gatewayUrl: platform.gatewayUrl,
    tenantId: demo.tenantId,
    token: await platform.identity.tokenFor('citizen.an'),
    body: Buffer.from(
      JSON.stringify({
        procedureId: demo.procedureId,
        channel: 'online',
        applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' },
        components: [
          { componentCode: 'TK01', fileReference: 'upload:tk01' },
          { componentCode: 'GCS', fileReference: 'upload:gcs' },
        ],
      }),
    ),
  };
  const response = await fetch(new URL('/v1/dossiers', platform.gatewayUrl), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${submission.token}`,
      'x-tenant-id': submission.tenantId,
      'idempotency-key': randomUUID(),
    },
    body: submission.body,
  });
  const answer = await response.text();
  if (response.status !== 201) throw new Error(`The probe submission answered ${response.status}: ${answer.slice(0, 500)}`);
  const { id } = JSON.parse(answer) as { id: string };
  const deadline = Date.now() + PROBE_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const rows = await database.query(
      `SELECT 1 FROM intake.outbox o JOIN evaluation.inbox i ON i.tenant_id = o.tenant_id AND i.event_id = o.id::text
        WHERE o.type = 'dossier.submitted' AND o.data->>'dossierId' = $1`,
      [id],
    );
    if (rows.length > 0) return submission;
    platform.assertAlive();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The probe dossier ${id} was not counted by evaluation within ${PROBE_TIMEOUT_MS} ms: is a consumer stuck? See the service logs`);
}
