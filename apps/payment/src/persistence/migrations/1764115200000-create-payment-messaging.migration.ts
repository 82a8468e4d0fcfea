import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { sqlMigration } from '@motcua/persistence';

/** The service's outbox and inbox; its own tables arrive with the payment issue. */
export const CreatePaymentMessaging = sqlMigration(
  'CreatePaymentMessaging1764115200000',
  [...outboxTableSql('payment'), ...inboxTableSql('payment')],
  [`DROP TABLE payment.inbox`, `DROP TABLE payment.outbox`],
);
