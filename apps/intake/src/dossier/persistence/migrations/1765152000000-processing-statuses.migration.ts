import { sqlMigration } from '@motcua/persistence';

const BEFORE = `'submitted', 'supplement_requested', 'resubmitted', 'received', 'refused', 'withdrawn', 'in_processing'`;
const AFTER = `${BEFORE}, 'processing_awaiting_supplement', 'processing_awaiting_payment', 'processed', 'result_returned'`;

/** Intake's view follows processing after the receipt: waiting for the applicant or a payment, processed, returned. */
export const ProcessingStatuses = sqlMigration(
  'ProcessingStatuses1765152000000',
  [`ALTER TABLE intake.dossiers DROP CONSTRAINT dossiers_status_check`, `ALTER TABLE intake.dossiers ADD CONSTRAINT dossiers_status_check CHECK (status IN (${AFTER}))`],
  [
    `UPDATE intake.dossiers SET status = 'in_processing' WHERE status IN ('processing_awaiting_supplement', 'processing_awaiting_payment', 'processed', 'result_returned')`,
    `ALTER TABLE intake.dossiers DROP CONSTRAINT dossiers_status_check`,
    `ALTER TABLE intake.dossiers ADD CONSTRAINT dossiers_status_check CHECK (status IN (${BEFORE}))`,
  ],
);
