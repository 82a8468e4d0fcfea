import { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';

/** Validates a request body against its schema; every finding is returned at once, unknown fields refused. */
export class ZodBodyPipe<TSchema extends z.ZodType> implements PipeTransform<unknown, z.infer<TSchema>> {
  constructor(private readonly schema: TSchema) {}

  transform(value: unknown): z.infer<TSchema> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    throw new GatewayError(GatewayErrorCode.RequestInvalid, 'The request body is invalid', {
      errors: result.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message })),
    });
  }
}
