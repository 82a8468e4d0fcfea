import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Metadata of a stored file; the bytes are in the document storage under `storageKey`. */
@Entity({ schema: 'intake', name: 'documents' })
@Index('documents_wallet_idx', ['tenantId', 'ownerSubject', 'documentType'])
@Check('documents_wallet_source_check', `wallet_source IN ('digitized', 'result')`)
export class DocumentEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** The applicant's subject: whose document it is. */
  @Column({ name: 'owner_subject', type: 'text' })
  ownerSubject!: string;

  /** Who uploaded it (the owner, or a desk officer for them). */
  @Column({ name: 'uploaded_by', type: 'text' })
  uploadedBy!: string;

  @Column({ name: 'document_type', type: 'text' })
  documentType!: string;

  @Column({ name: 'size_bytes', type: 'bigint' })
  sizeBytes!: string;

  @Column({ type: 'char', length: 64 })
  sha256!: string;

  @Column({ name: 'content_type', type: 'text' })
  contentType!: string;

  /** Personal-ish (names often carry the person's name): stored, never logged. */
  @Column({ name: 'file_name', type: 'text' })
  fileName!: string;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey!: string;

  /** Null until put in the owner's wallet. */
  @Column({ name: 'wallet_source', type: 'text', nullable: true })
  walletSource!: string | null;

  @Column({ name: 'wallet_added_at', type: 'timestamptz', nullable: true })
  walletAddedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One use of a wallet document for a component of a dossier (counted by the digitization indices). */
@Entity({ schema: 'intake', name: 'document_reuses' })
@Index('document_reuses_once_idx', ['tenantId', 'documentId', 'dossierId', 'componentCode'], { unique: true })
export class DocumentReuseEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'document_id', type: 'uuid' })
  documentId!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'component_code', type: 'text' })
  componentCode!: string;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @Column({ name: 'reused_at', type: 'timestamptz' })
  reusedAt!: Date;
}
