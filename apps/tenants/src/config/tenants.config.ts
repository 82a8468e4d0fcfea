import { dataServiceEnv, loadConfig } from '@motcua/platform';

export type TenantsConfig = ReturnType<typeof loadTenantsConfig>;

/** The only reader of the environment in this service. */
export function loadTenantsConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('tenants', dataServiceEnv, env);
}
