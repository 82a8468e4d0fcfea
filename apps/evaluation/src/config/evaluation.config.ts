import { dataServiceEnv, loadConfig } from '@motcua/platform';

export type EvaluationConfig = ReturnType<typeof loadEvaluationConfig>;

/** The only reader of the environment in this service. */
export function loadEvaluationConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('evaluation', dataServiceEnv, env);
}
