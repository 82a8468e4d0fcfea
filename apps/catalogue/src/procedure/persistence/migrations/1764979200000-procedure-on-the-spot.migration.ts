import { sqlMigration } from '@motcua/persistence';

/**
 * The on-the-spot flag (4 tại chỗ) of a procedure version. Versions published before it say
 * nothing, so they are not on the spot (false). The versions stay immutable without anything
 * new here: the app role has no table-wide UPDATE and is granted UPDATE only on the end
 * columns (1764115200000), so the new column is not writable, and the trigger
 * `procedure_versions_immutable` compares every column but the end ones (`to_jsonb(NEW)`),
 * the new one included. Adding a column with a constant default fires no trigger and rewrites
 * no row.
 */
export const ProcedureOnTheSpot = sqlMigration(
  'ProcedureOnTheSpot1764979200000',
  [`ALTER TABLE catalogue.procedure_versions ADD COLUMN on_the_spot boolean NOT NULL DEFAULT false`],
  [`ALTER TABLE catalogue.procedure_versions DROP COLUMN on_the_spot`],
);
