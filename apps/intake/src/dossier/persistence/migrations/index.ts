import { CreateDossiers } from './1764115200000-create-dossiers.migration';

export const intakeMigrations = [CreateDossiers];
