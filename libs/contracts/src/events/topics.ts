/** Kafka topics, one per aggregate, versioned. Keys are aggregate ids, so one aggregate's events stay in order. */
export const Topics = {
  tenant: 'motcua.tenant.v1',
  catalogue: 'motcua.catalogue.v1',
  dossier: 'motcua.dossier.v1',
  payment: 'motcua.payment.v1',
  postal: 'motcua.postal.v1',
  evaluation: 'motcua.evaluation.v1',
  /** Audit entries of authenticated writes, from the gateway to the tenants service. */
  audit: 'motcua.audit.v1',
  deadLetter: 'motcua.deadletter.v1',
} as const;

export type Topic = (typeof Topics)[keyof typeof Topics];

/** Partition counts: the Kafka mock broker and production topic provisioning both read this list. */
export const TopicPartitions: Record<Topic, number> = {
  'motcua.tenant.v1': 1,
  'motcua.catalogue.v1': 3,
  'motcua.dossier.v1': 6,
  'motcua.payment.v1': 3,
  'motcua.postal.v1': 3,
  'motcua.evaluation.v1': 3,
  'motcua.audit.v1': 3,
  'motcua.deadletter.v1': 1,
};
