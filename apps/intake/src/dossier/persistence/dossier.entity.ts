import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';
import type { FeeLine, SubmittedComponent } from '../domain/dossier';

@Entity({ schema: 'intake', name: 'dossiers' })
@Check('dossiers_channel_check', `channel IN ('online', 'desk', 'postal')`)
@Check('dossiers_national_channel_check', 'national_channel IN (1, 2, 3)')
@Check('dossiers_supplement_requests_check', 'supplement_requests BETWEEN 0 AND 1')
@Check(
  'dossiers_status_check',
  `status IN ('submitted', 'supplement_requested', 'resubmitted', 'received', 'refused', 'withdrawn', 'in_processing', 'processing_awaiting_supplement', 'processing_awaiting_payment', 'processed', 'result_returned')`,
)
@Index('dossiers_tenant_id_code_key', ['tenantId', 'code'], { unique: true })
@Index('dossiers_worklist_idx', ['tenantId', 'intakeAgencyId', 'status', 'submittedAt', 'id'])
@Index('dossiers_pending_check_idx', ['tenantId', 'intakeAgencyId', 'submittedAt', 'id'], { where: `status IN ('submitted', 'resubmitted') AND channel = 'online'` })
export class DossierEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @Column({ name: 'procedure_code', type: 'text' })
  procedureCode!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'submitted_by', type: 'text' })
  submittedBy!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'applicant_pseudonym', type: 'char', length: 64 })
  applicantPseudonym!: string;

  @Column({ type: 'jsonb' })
  components!: SubmittedComponent[];

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'procedure_version_id', type: 'uuid', nullable: true })
  procedureVersionId!: string | null;

  @Column({ name: 'national_channel', type: 'smallint', default: 2 })
  nationalChannel!: number;

  /** The agency whose desks check it: the competent agency online, the desk's agency at a desk. */
  @Column({ name: 'intake_agency_id', type: 'text', nullable: true })
  intakeAgencyId!: string | null;

  @Column({ name: 'submission_desk_id', type: 'text', nullable: true })
  submissionDeskId!: string | null;

  @Column({ name: 'applicant_unit_code', type: 'text', nullable: true })
  applicantUnitCode!: string | null;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ name: 'receiving_agency_id', type: 'text', nullable: true })
  receivingAgencyId!: string | null;

  @Column({ name: 'receiving_desk_id', type: 'text', nullable: true })
  receivingDeskId!: string | null;

  @Column({ name: 'received_at', type: 'timestamptz', nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'appointment_at', type: 'timestamptz', nullable: true })
  appointmentAt!: Date | null;

  @Column({ name: 'appointment_local_date', type: 'text', nullable: true })
  appointmentLocalDate!: string | null;

  @Column({ name: 'supplement_requests', type: 'integer', default: 0 })
  supplementRequests!: number;

  @Column({ type: 'jsonb', nullable: true })
  fees!: FeeLine[] | null;

  @Column({ name: 'fees_total', type: 'bigint', nullable: true })
  feesTotal!: string | null;
}

/** Personal data of the applicant: only here, never in events or logs. */
@Entity({ schema: 'intake', name: 'applicants' })
@Check('applicants_kind_check', `(kind = 'person' AND citizen_id IS NOT NULL) OR (kind = 'organization' AND tax_code IS NOT NULL)`)
export class ApplicantEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'full_name', type: 'text' })
  fullName!: string;

  @Column({ name: 'citizen_id', type: 'text', nullable: true })
  citizenId!: string | null;

  @Column({ type: 'text', default: 'person' })
  kind!: string;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ name: 'unit_code', type: 'text', nullable: true })
  unitCode!: string | null;

  @Column({ name: 'tax_code', type: 'text', nullable: true })
  taxCode!: string | null;

  @ManyToOne(() => DossierEntity, { nullable: false })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'applicants_tenant_id_dossier_id_fkey' },
    { name: 'dossier_id', referencedColumnName: 'id', foreignKeyConstraintName: 'applicants_tenant_id_dossier_id_fkey' },
  ])
  dossier?: Relation<DossierEntity>;
}

/** Who did what to a dossier at intake, and when. Append-only: the app role has no UPDATE or DELETE. */
@Entity({ schema: 'intake', name: 'dossier_actions' })
@Index('dossier_actions_dossier_idx', ['tenantId', 'dossierId', 'at'])
export class DossierActionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'actor_subject', type: 'text' })
  actorSubject!: string;

  @Column({ name: 'desk_id', type: 'text', nullable: true })
  deskId!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb' })
  details!: object;

  @ManyToOne(() => DossierEntity, { nullable: false })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'dossier_actions_tenant_id_dossier_id_fkey' },
    { name: 'dossier_id', referencedColumnName: 'id', foreignKeyConstraintName: 'dossier_actions_tenant_id_dossier_id_fkey' },
  ])
  dossier?: Relation<DossierEntity>;
}

/** The last dossier-code sequence per (tenant, format, agency, local day). */
@Entity({ schema: 'intake', name: 'dossier_code_counters' })
@Check('dossier_code_counters_sequence_check', 'last_sequence >= 1')
export class DossierCodeCounterEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  format!: string;

  @PrimaryColumn({ name: 'agency_code', type: 'text' })
  agencyCode!: string;

  @PrimaryColumn({ type: 'date' })
  day!: string;

  @Column({ name: 'last_sequence', type: 'integer' })
  lastSequence!: number;
}

/** The code format of a procedure's dossiers (data); absent: "agency-day". */
@Entity({ schema: 'intake', name: 'dossier_code_formats' })
@Check('dossier_code_formats_format_check', `(format = 'agency-day' AND system_digits IS NULL) OR (format = 'tt04-2025' AND system_digits ~ '^[0-9]{2}$')`)
export class DossierCodeFormatEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'procedure_code', type: 'text' })
  procedureCode!: string;

  @Column({ type: 'text' })
  format!: string;

  @Column({ name: 'system_digits', type: 'text', nullable: true })
  systemDigits!: string | null;
}

/** Idempotency keys of submissions: one dossier per (tenant, submitter, key). */
@Entity({ schema: 'intake', name: 'submission_keys' })
export class SubmissionKeyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  submitter!: string;

  @PrimaryColumn({ name: 'idempotency_key', type: 'text' })
  idempotencyKey!: string;

  @Column({ type: 'char', length: 64 })
  fingerprint!: string;

  @Column({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => DossierEntity, { nullable: false })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'submission_keys_tenant_id_dossier_id_fkey' },
    { name: 'dossier_id', referencedColumnName: 'id', foreignKeyConstraintName: 'submission_keys_tenant_id_dossier_id_fkey' },
  ])
  dossier?: Relation<DossierEntity>;
}
