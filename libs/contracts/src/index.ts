export * from './events/topics';
export * from './events/envelope';
export * from './events/registry';
export * from './events/tenant/onboarded.v1.schema';
export * from './events/procedure/published.v1.schema';
export * from './events/dossier/submitted.v1.schema';
export * from './events/dossier/processing-started.v1.schema';
export * from './grpc/services';
// Types generated from the .proto files (ts-proto, `npm run contracts:generate`).
export * as TenantsV1 from './generated/motcua/tenants/v1/tenants';
export * as CatalogueV1 from './generated/motcua/catalogue/v1/catalogue';
export * as IntakeV1 from './generated/motcua/intake/v1/intake';
export * as ProcessingV1 from './generated/motcua/processing/v1/processing';
export * as EvaluationV1 from './generated/motcua/evaluation/v1/evaluation';
