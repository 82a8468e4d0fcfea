import { z } from 'zod';

/** Schemas named in the document's `components.schemas` (by their `id`). */
export const API_SCHEMAS = z.registry<{ id: string }>();

/** Names a schema in the OpenAPI document (register last: `.describe()` makes a new, unnamed schema). */
export function apiSchema<TSchema extends z.ZodType>(id: string, schema: TSchema): TSchema {
  API_SCHEMAS.add(schema, { id });
  return schema;
}

/** The schema's output has the contract type's shape: no field missing, none of another type. */
type Mirrors<TSchema extends z.ZodType, TContract> = [z.output<TSchema>] extends [TContract]
  ? [Exclude<keyof TContract, keyof z.output<TSchema>>] extends [never]
    ? true
    : false
  : false;

/**
 * Checks at compile time that a response schema describes a ts-proto contract type, so the
 * document cannot drift from what the services answer:
 * `mirrorsContract<TenantsV1.Tenant>()(z.object({...}))` fails to compile ("Expected 2
 * arguments, but got 1") when a contract field is missing from the schema or typed
 * differently: update the schema with the contract.
 */
export function mirrorsContract<TContract>() {
  return <TSchema extends z.ZodType>(schema: TSchema, ..._proof: Mirrors<TSchema, TContract> extends true ? [] : [never]): TSchema => schema;
}

/**
 * A nested part documented by its description only (a large contract type still growing):
 * typed as the contract for `mirrorsContract`, drawn as an open object.
 */
export function documentedLoosely<TContract>(description: string): z.ZodType<TContract> {
  return z.looseObject({}).describe(description) as unknown as z.ZodType<TContract>;
}

export const FieldErrorSchema = apiSchema(
  'FieldError',
  z.object({
    field: z.string().describe('The field, as a dotted path (`applicant.citizenId`), or `(body)` / `(query)`.'),
    message: z.string(),
  }),
);

/** RFC 9457 problem details, as every error leaves the gateway. */
export const ProblemSchema = apiSchema(
  'Problem',
  z
    .object({
      type: z.string().describe('Stable per code: `urn:motcua:problem:<code in kebab case>`.'),
      title: z.string().describe('Short Vietnamese summary of the kind of problem.'),
      status: z.int().min(400).max(599),
      detail: z.string().describe('What went wrong with this request (Vietnamese where the code has a text).'),
      instance: z.string().describe('The request path.'),
      code: z.string().describe('The machine-readable code, e.g. `REQUEST_INVALID`, `DEPENDENCY_UNAVAILABLE`.'),
      errors: z.array(FieldErrorSchema).optional().describe('Field findings of a validation problem.'),
    })
    .describe('An RFC 9457 problem (`application/problem+json`).'),
);
