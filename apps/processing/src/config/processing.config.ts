import { dataServiceEnv, loadConfig } from '@motcua/platform';

export type ProcessingConfig = ReturnType<typeof loadProcessingConfig>;

/** The only reader of the environment in this service. */
export function loadProcessingConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('processing', dataServiceEnv, env);
}
