import { DataSource, EntityManager } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';

/**
 * Runs a unit of work in one transaction whose first statement binds `app.tenant_id`
 * (transaction-local, so it never leaks to the next user of a pooled connection).
 * The tenant comes from the request context, never from an argument.
 */
export class TenantTransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { tenantId } = currentTenant();
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await queryRunner.startTransaction();
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const result = await work(queryRunner.manager);
      await queryRunner.commitTransaction();
      return result;
    } catch (error) {
      if (queryRunner.isTransactionActive) await queryRunner.rollbackTransaction();
      throw error;
    } finally {
      await queryRunner.release();
    }
  }
}
