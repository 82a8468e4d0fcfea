import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A dossier's workflow: the state as JSON, with the columns that queries filter on. */
@Entity({ schema: 'processing', name: 'workflows' })
@Index('workflows_by_agency_received', ['tenantId', 'competentAgencyId', 'receivedAt'])
@Check('workflows_status_check', `status IN ('in_progress', 'paused', 'decided', 'returned', 'stopped')`)
export class WorkflowEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'competent_agency_id', type: 'text' })
  competentAgencyId!: string;

  @Column({ name: 'current_agency_id', type: 'text' })
  currentAgencyId!: string;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ name: 'deadline_at', type: 'timestamptz' })
  deadlineAt!: Date;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'paused_since', type: 'timestamptz', nullable: true })
  pausedSince!: Date | null;

  @Column({ name: 'supplement_requests', type: 'integer' })
  supplementRequests!: number;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  state!: object;

  @Column({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** One action of a dossier's history. Append-only: no UPDATE or DELETE grant, and a trigger. */
@Entity({ schema: 'processing', name: 'workflow_actions' })
@Check('workflow_actions_seq_check', `seq > 0`)
export class WorkflowActionEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @PrimaryColumn({ type: 'integer' })
  seq!: number;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_roles', type: 'text', array: true })
  actorRoles!: string[];

  @Column({ name: 'actor_agency_id', type: 'text' })
  actorAgencyId!: string;

  @Column({ name: 'from_step', type: 'integer', nullable: true })
  fromStep!: number | null;

  @Column({ name: 'to_step', type: 'integer', nullable: true })
  toStep!: number | null;

  @Column({ name: 'taken_ms', type: 'bigint', nullable: true })
  takenMs!: string | null;

  @Column({ name: 'allowed_ms', type: 'bigint', nullable: true })
  allowedMs!: string | null;

  @Column({ type: 'timestamptz' })
  at!: Date;

  @Column({ type: 'jsonb' })
  change!: object;
}

/** A pending timer of the scheduler (one per dossier and kind). */
@Entity({ schema: 'processing', name: 'timers' })
@Index('timers_by_fire_at', ['fireAt'])
@Check('timers_kind_check', `kind IN ('due_soon', 'overdue', 'step_overdue')`)
export class TimerEntity {
  @PrimaryColumn({ name: 'tenant_id', type: 'text' })
  tenantId!: string;

  @PrimaryColumn({ name: 'dossier_id', type: 'uuid' })
  dossierId!: string;

  @PrimaryColumn({ type: 'text' })
  kind!: string;

  @Column({ name: 'fire_at', type: 'timestamptz' })
  fireAt!: Date;
}
