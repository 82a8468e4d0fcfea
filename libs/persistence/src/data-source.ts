import { DataSource, EntitySchema, MixedList } from 'typeorm';
import { serviceDatabaseNames } from './service-database';

type Constructor = abstract new (...args: never[]) => unknown;

export interface ServiceDataSourceOptions {
  service: string;
  /** Connection URL of the service's app role (or, for migrations, of the schema owner). */
  url: string;
  entities?: MixedList<Constructor | string | EntitySchema>;
  migrations?: MixedList<Constructor | string>;
  poolSize?: number;
  applicationName?: string;
}

/** A TypeORM data source bound to the service's schema. Schema changes happen only through migrations. */
export function createServiceDataSource(options: ServiceDataSourceOptions): DataSource {
  const { schema } = serviceDatabaseNames(options.service);
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema,
    entities: options.entities ?? [],
    migrations: options.migrations ?? [],
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName: options.applicationName ?? `motcua-${options.service}`,
    extra: { max: options.poolSize ?? 10, options: `-c search_path=${schema}` },
  });
}
