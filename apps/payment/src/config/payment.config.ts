import { dataServiceEnv, loadConfig } from '@motcua/platform';

export type PaymentConfig = ReturnType<typeof loadPaymentConfig>;

/** The only reader of the environment in this service. */
export function loadPaymentConfig(env: NodeJS.ProcessEnv = process.env) {
  return loadConfig('payment', dataServiceEnv, env);
}
