import { CreateProcedures } from './1764115200000-create-procedures.migration';

export const catalogueMigrations = [CreateProcedures];
