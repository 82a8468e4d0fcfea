import { dataServiceEnv, loadConfig } from '@motcua/platform';

export type CatalogueConfig = ReturnType<typeof loadCatalogueConfig>;

/** The only reader of the environment in this service. */
export function loadCatalogueConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('catalogue', dataServiceEnv, env);
}
