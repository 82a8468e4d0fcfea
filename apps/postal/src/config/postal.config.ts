import { dataServiceEnv, loadConfig } from '@motcua/platform';

export type PostalConfig = ReturnType<typeof loadPostalConfig>;

/** The only reader of the environment in this service. */
export function loadPostalConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('postal', dataServiceEnv, env);
}
