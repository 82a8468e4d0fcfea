import { escapeLiteral } from 'pg';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { currentTenant } from '@motcua/tenancy';

/** What TypeORM's PostgreSQL query runner sends to open a top-level transaction. */
const START_TRANSACTION = 'START TRANSACTION';

/**
 * Runs a unit of work in one transaction whose first statement binds `app.tenant_id`
 * (transaction-local, so it never leaks to the next user of a pooled connection).
 * The tenant comes from the request context, never from an argument.
 *
 * One round trip opens the transaction: TypeORM's `START TRANSACTION` goes out as one
 * simple-protocol message together with the `set_config` (PostgreSQL runs both, in order,
 * before it answers), so no statement of the unit of work can run without the setting.
 */
export class TenantTransactionRunner {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const { tenantId } = currentTenant();
    const queryRunner = this.dataSource.createQueryRunner();
    await queryRunner.connect();
    try {
      await startTenantTransaction(queryRunner, tenantId);
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

/**
 * TypeORM's `startTransaction` (its bookkeeping and transaction events) with the tenant setting
 * appended to its `START TRANSACTION`. Should TypeORM ever open transactions with other SQL,
 * the setting goes in a statement of its own right after: slower, never unset.
 */
async function startTenantTransaction(queryRunner: QueryRunner, tenantId: string): Promise<void> {
  const setTenant = `SELECT set_config('app.tenant_id', ${escapeLiteral(tenantId)}, true)`;
  const original = queryRunner.query.bind(queryRunner);
  const send = (query: string, parameters: unknown[] | undefined, structured: boolean | undefined) =>
    structured ? original(query, parameters, true) : original(query, parameters);
  let bound = false;
  const intercept = (query: string, parameters?: unknown[], structured?: boolean): Promise<unknown> => {
    if (!bound && query === START_TRANSACTION && parameters === undefined) {
      bound = true;
      // No parameters: a simple-protocol message may carry both statements. The tenant id
      // already matches the tenancy pattern; pg's escaping is the second guard.
      return send(`${START_TRANSACTION}; ${setTenant}`, undefined, structured);
    }
    return send(query, parameters, structured);
  };
  queryRunner.query = intercept as QueryRunner['query'];
  try {
    await queryRunner.startTransaction();
  } finally {
    Reflect.deleteProperty(queryRunner, 'query');
  }
  if (!bound) await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
}
