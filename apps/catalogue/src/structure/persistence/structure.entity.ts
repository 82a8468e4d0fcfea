import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Relation } from 'typeorm';

@Entity({ schema: 'catalogue', name: 'administrative_units' })
@Index('administrative_units_parent_idx', ['tenantId', 'parentCode'])
@Check('administrative_units_level_check', `level IN ('province', 'district', 'commune')`)
@Check('administrative_units_validity_check', 'valid_to IS NULL OR valid_to > valid_from')
export class AdministrativeUnitEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  code!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  level!: string;

  @Column({ name: 'parent_code', type: 'text', nullable: true })
  parentCode!: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => AdministrativeUnitEntity, { nullable: true })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'administrative_units_tenant_id_parent_code_fkey' },
    { name: 'parent_code', referencedColumnName: 'code', foreignKeyConstraintName: 'administrative_units_tenant_id_parent_code_fkey' },
  ])
  parent?: Relation<AdministrativeUnitEntity>;
}

@Entity({ schema: 'catalogue', name: 'agencies' })
@Index('agencies_unit_idx', ['tenantId', 'unitCode'])
@Check('agencies_kind_check', `kind IN ('people_committee', 'department', 'service_centre', 'other')`)
@Check('agencies_validity_check', 'valid_to IS NULL OR valid_to > valid_from')
export class AgencyEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'unit_code', type: 'text' })
  unitCode!: string;

  @Column({ name: 'parent_id', type: 'text', nullable: true })
  parentId!: string | null;

  @Column({ name: 'valid_from', type: 'date' })
  validFrom!: string;

  @Column({ name: 'valid_to', type: 'date', nullable: true })
  validTo!: string | null;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => AdministrativeUnitEntity, { nullable: false })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'agencies_tenant_id_unit_code_fkey' },
    { name: 'unit_code', referencedColumnName: 'code', foreignKeyConstraintName: 'agencies_tenant_id_unit_code_fkey' },
  ])
  unit?: Relation<AdministrativeUnitEntity>;

  @ManyToOne(() => AgencyEntity, { nullable: true })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'agencies_tenant_id_parent_id_fkey' },
    { name: 'parent_id', referencedColumnName: 'id', foreignKeyConstraintName: 'agencies_tenant_id_parent_id_fkey' },
  ])
  parent?: Relation<AgencyEntity>;
}

@Entity({ schema: 'catalogue', name: 'desks' })
@Index('desks_agency_idx', ['tenantId', 'agencyId'])
export class DeskEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'agency_id', type: 'text' })
  agencyId!: string;

  @Column({ name: 'unit_codes', type: 'text', array: true })
  unitCodes!: string[];

  @Column({ name: 'procedure_codes', type: 'text', array: true })
  procedureCodes!: string[];

  @Column({ type: 'text', array: true })
  levels!: string[];

  @Column({ type: 'boolean' })
  active!: boolean;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => AgencyEntity, { nullable: false })
  @JoinColumn([
    { name: 'tenant_id', referencedColumnName: 'tenantId', foreignKeyConstraintName: 'desks_tenant_id_agency_id_fkey' },
    { name: 'agency_id', referencedColumnName: 'id', foreignKeyConstraintName: 'desks_tenant_id_agency_id_fkey' },
  ])
  agency?: Relation<AgencyEntity>;
}
