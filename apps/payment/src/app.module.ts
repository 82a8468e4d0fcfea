import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { PaymentConfig } from './config/payment.config';

/**
 * The payment service's runtime: health, metrics, its schema (outbox and inbox) and Kafka.
 * Its domain and gRPC API arrive with the payment issue.
 */
@Module({})
export class PaymentModule {
  static forConfig(config: PaymentConfig): DynamicModule {
    return { module: PaymentModule, imports: dataServiceImports('payment', config, []) };
  }
}
