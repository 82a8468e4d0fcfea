import { migrateService } from '@motcua/persistence';
import { serviceMigrations } from './registry';

export async function migrateAll(ownerUrl: string, only?: string): Promise<Record<string, string[]>> {
  const targets = only ? serviceMigrations.filter((entry) => entry.service === only) : serviceMigrations;
  if (only && targets.length === 0) {
    throw new Error(`Unknown service ${JSON.stringify(only)}; known: ${serviceMigrations.map((entry) => entry.service).join(', ')}`);
  }
  const applied: Record<string, string[]> = {};
  for (const target of targets) applied[target.service] = await migrateService(ownerUrl, target);
  return applied;
}
