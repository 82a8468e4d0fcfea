import { inboxTableSql, outboxTableSql } from '@motcua/messaging';
import { sqlMigration } from '@motcua/persistence';

/** The service's outbox and inbox; its own tables arrive with the postal issue. */
export const CreatePostalMessaging = sqlMigration(
  'CreatePostalMessaging1764115200000',
  [...outboxTableSql('postal'), ...inboxTableSql('postal')],
  [`DROP TABLE postal.inbox`, `DROP TABLE postal.outbox`],
);
