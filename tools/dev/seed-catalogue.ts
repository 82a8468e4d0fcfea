import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CatalogueV1, GrpcServices } from '@motcua/contracts';
import { createGrpcClient, readRpcError } from '@motcua/rpc';
import { Actor, newTraceId, runInTenant } from '@motcua/tenancy';

/** The Hưng Yên sample catalogue (37 real procedures, its units, agencies and desks). */
export const SAMPLE_CATALOGUE = join(__dirname, '../seed/catalogue/hung-yen.catalogue.json');

/** hy.admin of tools/oidc-dev/users.json: the demo tenant's administrator. */
const HY_ADMIN: Actor = { subject: 'hy-2f4a9c7e-admn-0004', roles: ['tenant_admin'] };

export interface CatalogueSeed {
  changes: number;
  procedures: CatalogueV1.ImportCount | null | undefined;
  /** Procedures of the file left out because the tenant already has them under another history. */
  skipped: string[];
}

/**
 * Loads the sample catalogue into the demo tenant through the catalogue's ImportCatalogue
 * (gRPC, 127.0.0.1:50052 in the dev stack), as its tenant admin. Idempotent: a second run
 * changes nothing. Procedures the tenant already published otherwise (the demo's own
 * 1.001193, say) would conflict with the file's history; they are left out and listed.
 */
export async function seedCatalogue(grpcUrl = '127.0.0.1:50052', tenantId = 'hung-yen', file = SAMPLE_CATALOGUE): Promise<CatalogueSeed> {
  const client = createGrpcClient(GrpcServices.catalogue, grpcUrl, { deadlineMs: 120_000 });
  const catalogue = JSON.parse(readFileSync(file, 'utf8')) as {
    tenant: string;
    procedures: { code: string }[];
    desks?: { procedure_codes?: string[]; levels?: string[] }[];
  };
  catalogue.tenant = tenantId;
  const skipped: string[] = [];
  try {
    return await runInTenant({ tenantId, traceId: newTraceId(), actor: HY_ADMIN }, async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        try {
          const result = await client.importCatalogue({ json: Buffer.from(JSON.stringify(catalogue), 'utf8'), csv: {}, dryRun: false });
          return { changes: result.changes, procedures: result.procedures, skipped };
        } catch (error) {
          const info = readRpcError(error);
          if (info.code !== 'CATALOGUE_IMPORT_CONFLICT') throw error;
          const conflicting = new Set(
            ((info.details.errors as { location: string }[] | undefined) ?? []).map((e) => Number(/^procedures\[(\d+)\]/.exec(e.location)?.[1] ?? -1)),
          );
          skipped.push(...catalogue.procedures.filter((_, index) => conflicting.has(index)).map((p) => p.code));
          catalogue.procedures = catalogue.procedures.filter((_, index) => !conflicting.has(index));
          // Desks may name only procedures of the file: drop the skipped ones (and a desk left receiving nothing).
          const left = new Set(skipped);
          catalogue.desks = (catalogue.desks ?? [])
            .map((desk) => ({ ...desk, procedure_codes: (desk.procedure_codes ?? []).filter((code) => !left.has(code)) }))
            .filter((desk) => desk.procedure_codes.length > 0 || (desk.levels ?? []).length > 0);
        }
      }
      throw new Error(`the sample catalogue still conflicts with ${tenantId}'s procedures`);
    });
  } finally {
    client.close();
  }
}
