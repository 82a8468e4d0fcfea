import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';
import { StoredDocument, WalletSource } from '../domain/document';
import { DocumentEntity } from './document.entity';

export interface DocumentReuse {
  readonly id: string;
  readonly documentId: string;
  readonly dossierId: string;
  readonly componentCode: string;
  readonly recordedBy: string;
  readonly reusedAt: Date;
}

/** Queries only; always through the tenant transaction's manager (row-level security applies). */
@Injectable()
export class DocumentRepository {
  async insert(manager: EntityManager, document: StoredDocument): Promise<void> {
    await manager.insert(DocumentEntity, { ...document, sizeBytes: String(document.sizeBytes), tenantId: currentTenant().tenantId });
  }

  async findById(manager: EntityManager, id: string, options: { lock?: boolean } = {}): Promise<StoredDocument | null> {
    const entity = await manager.findOne(DocumentEntity, {
      where: { tenantId: currentTenant().tenantId, id },
      lock: options.lock ? { mode: 'pessimistic_write' } : undefined,
    });
    return entity ? toDomain(entity) : null;
  }

  async putInWallet(manager: EntityManager, id: string, source: WalletSource, documentType: string, at: Date): Promise<void> {
    await manager.update(DocumentEntity, { tenantId: currentTenant().tenantId, id }, { walletSource: source, documentType, walletAddedAt: at });
  }

  /** The owner's wallet, newest first, optionally of one document type. */
  async wallet(manager: EntityManager, ownerSubject: string, documentType?: string): Promise<StoredDocument[]> {
    const query = manager
      .createQueryBuilder(DocumentEntity, 'd')
      .where('d.tenantId = :tenantId', { tenantId: currentTenant().tenantId })
      .andWhere('d.ownerSubject = :ownerSubject', { ownerSubject })
      .andWhere('d.walletSource IS NOT NULL');
    if (documentType !== undefined) query.andWhere('d.documentType = :documentType', { documentType });
    const entities = await query.orderBy('d.walletAddedAt', 'DESC').addOrderBy('d.id', 'ASC').limit(500).getMany();
    return entities.map(toDomain);
  }

  async dossierExists(manager: EntityManager, dossierId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query('SELECT 1 FROM intake.dossiers WHERE tenant_id = $1 AND id = $2', [currentTenant().tenantId, dossierId]);
    return rows.length > 0;
  }

  /** The owner and code of a dossier of the tenant, for filing its result (null: no such dossier). */
  async dossierForFiling(manager: EntityManager, dossierId: string): Promise<{ ownerSubject: string; code: string | null } | null> {
    const rows: { submitted_by: string; code: string | null }[] = await manager.query(
      'SELECT submitted_by, code FROM intake.dossiers WHERE tenant_id = $1 AND id = $2',
      [currentTenant().tenantId, dossierId],
    );
    return rows[0] ? { ownerSubject: rows[0].submitted_by, code: rows[0].code } : null;
  }

  /** Inserts the reuse unless the same document already satisfies the same component of the dossier. */
  async insertReuse(manager: EntityManager, reuse: DocumentReuse): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO intake.document_reuses (tenant_id, id, document_id, dossier_id, component_code, recorded_by, reused_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (tenant_id, document_id, dossier_id, component_code) DO NOTHING
       RETURNING id`,
      [currentTenant().tenantId, reuse.id, reuse.documentId, reuse.dossierId, reuse.componentCode, reuse.recordedBy, reuse.reusedAt],
    );
    return rows.length > 0;
  }
}

function toDomain(entity: DocumentEntity): StoredDocument {
  return {
    id: entity.id,
    ownerSubject: entity.ownerSubject,
    uploadedBy: entity.uploadedBy,
    documentType: entity.documentType,
    sizeBytes: Number(entity.sizeBytes),
    sha256: entity.sha256,
    contentType: entity.contentType,
    fileName: entity.fileName,
    storageKey: entity.storageKey,
    walletSource: entity.walletSource as WalletSource | null,
    walletAddedAt: entity.walletAddedAt,
    createdAt: entity.createdAt,
  };
}
