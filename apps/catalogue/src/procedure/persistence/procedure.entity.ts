import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation, Unique } from 'typeorm';
import type { Component, ProcessStep, ResultDocument } from '../domain/procedure';
import type { FeeSchedule } from '../domain/fees';

/** A procedure's stable identity: id and national code. Its content lives in its versions. */
@Entity({ schema: 'catalogue', name: 'procedures' })
@Unique('procedures_tenant_id_code_key', ['tenantId', 'code'])
export class ProcedureEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'text' })
  code!: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** One immutable version of a procedure (only its end is ever set, once). */
@Entity({ schema: 'catalogue', name: 'procedure_versions' })
@Unique('procedure_versions_tenant_id_procedure_id_version_key', ['tenantId', 'procedureId', 'version'])
@Index('procedure_versions_in_force_idx', ['tenantId', 'procedureId', 'effectiveFrom'])
@Check('procedure_versions_version_check', 'version >= 1')
@Check('procedure_versions_effective_check', 'effective_to IS NULL OR effective_to > effective_from')
@Check('procedure_versions_ended_by_check', `(ended_by IS NULL) = (effective_to IS NULL) AND (ended_by IS NULL OR ended_by IN ('superseded', 'withdrawn'))`)
@Check('procedure_versions_level_check', `level IN ('province', 'commune', 'district')`)
@Check('procedure_versions_processing_check', `processing_unit IN ('days', 'hours') AND processing_amount >= 0`)
@Check('procedure_versions_online_level_check', `online_level IN ('full', 'partial', 'none')`)
export class ProcedureVersionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'procedure_id', type: 'uuid' })
  procedureId!: string;

  @Column({ type: 'int' })
  version!: number;

  @Column({ name: 'effective_from', type: 'timestamptz' })
  effectiveFrom!: Date;

  @Column({ name: 'effective_to', type: 'timestamptz', nullable: true })
  effectiveTo!: Date | null;

  @Column({ name: 'ended_by', type: 'text', nullable: true })
  endedBy!: string | null;

  @Column({ name: 'end_decision_number', type: 'text', nullable: true })
  endDecisionNumber!: string | null;

  @Column({ name: 'end_decision_date', type: 'date', nullable: true })
  endDecisionDate!: string | null;

  @Column({ name: 'decision_number', type: 'text', nullable: true })
  decisionNumber!: string | null;

  @Column({ name: 'decision_date', type: 'date', nullable: true })
  decisionDate!: string | null;

  @Column({ name: 'published_at', type: 'timestamptz' })
  publishedAt!: Date;

  @Column({ name: 'published_by', type: 'text' })
  publishedBy!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ type: 'text', nullable: true })
  level!: string | null;

  @Column({ name: 'competent_agency_id', type: 'text', nullable: true })
  competentAgencyId!: string | null;

  @Column({ name: 'implementing_agency_id', type: 'text', nullable: true })
  implementingAgencyId!: string | null;

  @Column({ name: 'processing_unit', type: 'text' })
  processingUnit!: string;

  @Column({ name: 'processing_amount', type: 'int' })
  processingAmount!: number;

  @Column({ name: 'online_level', type: 'text' })
  onlineLevel!: string;

  @Column({ name: 'location_independent', type: 'boolean' })
  locationIndependent!: boolean;

  @Column({ name: 'postal_intake', type: 'boolean' })
  postalIntake!: boolean;

  @Column({ name: 'postal_return', type: 'boolean' })
  postalReturn!: boolean;

  @Column({ name: 'legal_basis', type: 'jsonb' })
  legalBasis!: string[];

  @Column({ type: 'jsonb' })
  components!: Component[];

  @Column({ type: 'jsonb' })
  fees!: FeeSchedule;

  @Column({ type: 'jsonb' })
  results!: ResultDocument[];

  @Column({ name: 'internal_process', type: 'jsonb' })
  internalProcess!: ProcessStep[];

  /** On the spot (4 tại chỗ); false for every version stored before the flag existed (migration 1764979200000). */
  @Column({ name: 'on_the_spot', type: 'boolean', default: false })
  onTheSpot!: boolean;

  /** procedureFingerprint() of the imported content; null for versions published through administration. */
  @Column({ type: 'text', nullable: true })
  fingerprint!: string | null;

  @ManyToOne(() => ProcedureEntity, { nullable: false })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'procedure_versions_tenant_id_procedure_id_fkey' },
    { name: 'procedure_id', referencedColumnName: 'id', foreignKeyConstraintName: 'procedure_versions_tenant_id_procedure_id_fkey' },
  ])
  procedure?: Relation<ProcedureEntity>;
}
