import { CreateTasks } from './1764115200000-create-tasks.migration';

export const processingMigrations = [CreateTasks];
