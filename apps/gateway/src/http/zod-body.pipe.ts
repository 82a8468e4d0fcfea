import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';

function validate<TSchema extends z.ZodType>(schema: TSchema, value: unknown, what: string, whole: string): z.infer<TSchema> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new GatewayError(GatewayErrorCode.RequestInvalid, `The request ${what} is invalid`, {
    errors: result.error.issues.map((issue) => ({ field: issue.path.join('.') || whole, message: issue.message })),
  });
}

/**
 * Validates a request body against its schema; every finding is returned at once, unknown
 * fields refused. The OpenAPI document reads `schema` to describe the body.
 */
export class ZodBodyPipe<TSchema extends z.ZodType> implements PipeTransform<unknown, z.infer<TSchema>> {
  constructor(readonly schema: TSchema) {}

  transform(value: unknown): z.infer<TSchema> {
    return validate(this.schema, value, 'body', '(body)');
  }
}

/** Validates the query string (`@Query(new ZodQueryPipe(schema))`); the document lists its fields as parameters. */
export class ZodQueryPipe<TSchema extends z.ZodObject> implements PipeTransform<unknown, z.infer<TSchema>> {
  constructor(readonly schema: TSchema) {}

  transform(value: unknown): z.infer<TSchema> {
    return validate(this.schema, value ?? {}, 'query', '(query)');
  }
}
