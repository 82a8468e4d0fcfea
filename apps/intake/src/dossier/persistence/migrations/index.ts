import { CreateDossiers } from './1764115200000-create-dossiers.migration';
import { IntakeDeskWork } from './1764374400000-intake-desk-work.migration';
import { CreateDocuments } from '../../../document/persistence/migrations/1764200000000-create-documents.migration';

export const intakeMigrations = [CreateDossiers, CreateDocuments, IntakeDeskWork];
