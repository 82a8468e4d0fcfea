import 'reflect-metadata';
import { runServiceProcess, RunningService, startDataService } from '@motcua/platform';
import { PaymentModule } from './app.module';
import { PaymentConfig, loadPaymentConfig } from './config/payment.config';

export function startPayment(config: PaymentConfig): Promise<RunningService> {
  return startDataService(PaymentModule.forConfig(config), config, []);
}

if (require.main === module) void runServiceProcess('payment', async () => startPayment(loadPaymentConfig()));
