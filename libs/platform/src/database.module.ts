import { DynamicModule, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { Readiness } from '@motcua/observability';
import { createServiceDataSource, TenantTransactionRunner } from '@motcua/persistence';

type Constructor = abstract new (...args: never[]) => unknown;

export interface DatabaseOptions {
  service: string;
  url: string;
  poolSize?: number;
  entities?: MixedList<Constructor | string | EntitySchema>;
}

@Injectable()
class DataSourceCloser implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}

/** The service's data source (as its app role) and the tenant transaction runner. */
@Module({})
export class DatabaseModule {
  static forService(options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      providers: [
        {
          provide: DataSource,
          inject: [Readiness],
          useFactory: async (readiness: Readiness) => {
            const dataSource = createServiceDataSource(options);
            await dataSource.initialize();
            readiness.register('database', async () => {
              await dataSource.query('SELECT 1');
            });
            return dataSource;
          },
        },
        {
          provide: TenantTransactionRunner,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new TenantTransactionRunner(dataSource),
        },
        DataSourceCloser,
      ],
      exports: [DataSource, TenantTransactionRunner],
    };
  }
}
