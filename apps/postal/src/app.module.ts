import { DynamicModule, Module } from '@nestjs/common';
import { dataServiceImports } from '@motcua/platform';
import { PostalConfig } from './config/postal.config';

/**
 * The postal service's runtime: health, metrics, its schema (outbox and inbox) and Kafka.
 * Its domain and gRPC API arrive with the postal issue.
 */
@Module({})
export class PostalModule {
  static forConfig(config: PostalConfig): DynamicModule {
    return { module: PostalModule, imports: dataServiceImports('postal', config, []) };
  }
}
