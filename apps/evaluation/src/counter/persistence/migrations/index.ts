import { CreateDossierCounters } from './1764115200000-create-dossier-counters.migration';

export const evaluationMigrations = [CreateDossierCounters];
