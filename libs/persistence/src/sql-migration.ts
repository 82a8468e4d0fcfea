import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A migration written as SQL statements (policies, grants and partial indexes are not
 * something TypeORM generates). `name` must end in a 13-digit timestamp: `CreateDossiers1764115200000`.
 */
export function sqlMigration(name: string, up: string[], down: string[]): new () => MigrationInterface {
  if (!/\d{13}$/.test(name)) throw new Error(`Migration name ${name} must end with a 13-digit timestamp`);
  const migration = class implements MigrationInterface {
    readonly name = name;

    async up(queryRunner: QueryRunner): Promise<void> {
      for (const statement of up) await queryRunner.query(statement);
    }

    async down(queryRunner: QueryRunner): Promise<void> {
      for (const statement of down) await queryRunner.query(statement);
    }
  };
  Object.defineProperty(migration, 'name', { value: name });
  return migration;
}
