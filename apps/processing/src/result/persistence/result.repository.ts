import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { Decision } from '../domain/result-document';

export interface StoredSigningKey {
  readonly id: string;
  readonly algorithm: string;
  readonly publicKey: Buffer;
  readonly sealedPrivateKey: Buffer;
  readonly createdAt: Date;
}

export interface StoredResult {
  readonly id: string;
  readonly dossierId: string;
  readonly dossierCode: string;
  readonly procedureCode: string;
  readonly procedureName: string;
  readonly decision: Decision;
  readonly reasons: string[];
  readonly agencyId: string;
  readonly documentType: string;
  readonly resultName: string;
  readonly sha256: string;
  readonly signature: string;
  readonly keyId: string;
  readonly pdf: Buffer;
  readonly issuedAt: Date;
  readonly issuedBy: string;
}

interface KeyRow {
  id: string;
  algorithm: string;
  public_key: Buffer;
  sealed_private_key: Buffer;
  created_at: Date;
}

interface ResultRow {
  id: string;
  dossier_id: string;
  dossier_code: string;
  procedure_code: string;
  procedure_name: string;
  decision: Decision;
  reasons: string[];
  agency_id: string;
  document_type: string;
  result_name: string;
  sha256: string;
  signature: string;
  key_id: string;
  pdf: Buffer;
  issued_at: Date;
  issued_by: string;
}

const KEY_COLUMNS = 'id, algorithm, public_key, sealed_private_key, created_at';
const RESULT_COLUMNS =
  'id, dossier_id, dossier_code, procedure_code, procedure_name, decision, reasons, agency_id, document_type, result_name, sha256, signature, key_id, pdf, issued_at, issued_by';

const toKey = (row: KeyRow): StoredSigningKey => ({
  id: row.id,
  algorithm: row.algorithm,
  publicKey: row.public_key,
  sealedPrivateKey: row.sealed_private_key,
  createdAt: row.created_at,
});

const toResult = (row: ResultRow): StoredResult => ({
  id: row.id,
  dossierId: row.dossier_id,
  dossierCode: row.dossier_code,
  procedureCode: row.procedure_code,
  procedureName: row.procedure_name,
  decision: row.decision,
  reasons: row.reasons,
  agencyId: row.agency_id,
  documentType: row.document_type,
  resultName: row.result_name,
  sha256: row.sha256,
  signature: row.signature,
  keyId: row.key_id,
  pdf: row.pdf,
  issuedAt: row.issued_at,
  issuedBy: row.issued_by,
});

/** Signing keys and results of the transaction's tenant (forced RLS; the tenant is also named in every query). */
@Injectable()
export class ResultRepository {
  async keyInUse(manager: EntityManager): Promise<StoredSigningKey | null> {
    const rows: KeyRow[] = await manager.query(
      `SELECT ${KEY_COLUMNS} FROM processing.signing_keys WHERE tenant_id = $1 AND retired_at IS NULL`,
      [currentTenant().tenantId],
    );
    return rows[0] ? toKey(rows[0]) : null;
  }

  async key(manager: EntityManager, keyId: string): Promise<StoredSigningKey | null> {
    const rows: KeyRow[] = await manager.query(`SELECT ${KEY_COLUMNS} FROM processing.signing_keys WHERE tenant_id = $1 AND id = $2`, [
      currentTenant().tenantId,
      keyId,
    ]);
    return rows[0] ? toKey(rows[0]) : null;
  }

  /**
   * Inserts the tenant's key unless one is in use already. A concurrent first insert waits on
   * the partial unique index and then does nothing; the caller reads the key in use after.
   */
  async insertKeyIfNone(manager: EntityManager, key: StoredSigningKey): Promise<void> {
    await manager.query(
      `INSERT INTO processing.signing_keys (tenant_id, id, algorithm, public_key, sealed_private_key, created_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (tenant_id) WHERE retired_at IS NULL DO NOTHING`,
      [currentTenant().tenantId, key.id, key.algorithm, key.publicKey, key.sealedPrivateKey, key.createdAt],
    );
  }

  async insertResult(manager: EntityManager, result: StoredResult): Promise<void> {
    await manager.query(
      `INSERT INTO processing.results (tenant_id, ${RESULT_COLUMNS})
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        currentTenant().tenantId,
        result.id,
        result.dossierId,
        result.dossierCode,
        result.procedureCode,
        result.procedureName,
        result.decision,
        JSON.stringify(result.reasons),
        result.agencyId,
        result.documentType,
        result.resultName,
        result.sha256,
        result.signature,
        result.keyId,
        result.pdf,
        result.issuedAt,
        result.issuedBy,
      ],
    );
  }

  async result(manager: EntityManager, resultId: string): Promise<StoredResult | null> {
    const rows: ResultRow[] = await manager.query(`SELECT ${RESULT_COLUMNS} FROM processing.results WHERE tenant_id = $1 AND id = $2`, [
      currentTenant().tenantId,
      resultId,
    ]);
    return rows[0] ? toResult(rows[0]) : null;
  }

  async resultByHash(manager: EntityManager, sha256: string): Promise<StoredResult | null> {
    const rows: ResultRow[] = await manager.query(`SELECT ${RESULT_COLUMNS} FROM processing.results WHERE tenant_id = $1 AND sha256 = $2`, [
      currentTenant().tenantId,
      sha256,
    ]);
    return rows[0] ? toResult(rows[0]) : null;
  }

  async resultOfDossier(manager: EntityManager, dossierId: string): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(`SELECT id FROM processing.results WHERE tenant_id = $1 AND dossier_id = $2`, [
      currentTenant().tenantId,
      dossierId,
    ]);
    return rows[0]?.id ?? null;
  }
}
