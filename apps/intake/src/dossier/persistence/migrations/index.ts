import { CreateDossiers } from './1764115200000-create-dossiers.migration';
import { IntakeDeskWork } from './1764374400000-intake-desk-work.migration';
import { PersonalDataAccess } from './1764633600000-personal-data-access.migration';
import { WorklistPendingIndex } from './1765065600000-worklist-pending-index.migration';
import { ProcessingStatuses } from './1765152000000-processing-statuses.migration';
import { CreateDocuments } from '../../../document/persistence/migrations/1764200000000-create-documents.migration';

export const intakeMigrations = [CreateDossiers, CreateDocuments, IntakeDeskWork, PersonalDataAccess, WorklistPendingIndex, ProcessingStatuses];
