import { CreateResults } from '../../../result/persistence/migrations/1764900000000-create-results.migration';
import { CreateTasks } from './1764115200000-create-tasks.migration';
import { CreateWorkflows } from './1764800000000-create-workflows.migration';
import { WorklistByAgencyDue } from './1765238400000-worklist-by-agency-due.migration';
import { WorklistByAgencyRole } from './1765324800000-worklist-by-agency-role.migration';

export const processingMigrations = [CreateTasks, CreateWorkflows, CreateResults, WorklistByAgencyDue, WorklistByAgencyRole];
