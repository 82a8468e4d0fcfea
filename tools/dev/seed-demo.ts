import { LocalIdentity } from '../oidc-dev/src';

export interface DemoSeed {
  tenantId: string;
  procedureId: string;
  procedureCode: string;
  curl: string;
}

async function call(url: string, token: string, body: unknown, tenantId?: string): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(tenantId ? { 'x-tenant-id': tenantId } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** Through the gateway, as its users would: onboard Hưng Yên and publish birth registration. */
export async function seedDemo(gatewayUrl: string, identity: LocalIdentity): Promise<DemoSeed> {
  const tenantId = 'hung-yen';
  await call(`${gatewayUrl}/v1/tenants`, await identity.tokenFor('national.admin'), { id: tenantId, officialCode: '33', name: 'Hưng Yên' });
  const procedure = await call(
    `${gatewayUrl}/v1/procedures`,
    await identity.tokenFor('hy.admin'),
    {
      code: '1.001193',
      name: 'Đăng ký khai sinh',
      processingDays: 1,
      agencyId: '000.24.11.H33',
      components: [
        { code: 'TK01', name: 'Tờ khai đăng ký khai sinh', mandatory: true },
        { code: 'GCS', name: 'Giấy chứng sinh', mandatory: true },
      ],
    },
    tenantId,
  );
  const token = await identity.tokenFor('citizen.an');
  const body = JSON.stringify({
    procedureId: procedure.id,
    channel: 'online',
    applicant: { fullName: 'Nguyễn Văn An', citizenId: '033099001234' },
    components: [
      { componentCode: 'TK01', fileReference: 'upload:tk01' },
      { componentCode: 'GCS', fileReference: 'upload:gcs' },
    ],
  });
  const curl = [
    `curl -s -X POST ${gatewayUrl}/v1/dossiers \\`,
    `  -H 'Content-Type: application/json' -H 'X-Tenant-Id: ${tenantId}' \\`,
    // A new key per submission: the same key again replays the first answer (ADR 0005).
    `  -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \\`,
    `  -H 'Authorization: Bearer ${token}' \\`,
    `  -d '${body}'`,
  ].join('\n');
  return { tenantId, procedureId: String(procedure.id), procedureCode: String(procedure.code), curl };
}
