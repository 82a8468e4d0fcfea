import { z } from 'zod';
import { Topic } from './topics';

/** One event type at one version: its topic and the schema of its `data`. */
export interface EventDefinition<TSchema extends z.ZodType = z.ZodType> {
  type: string;
  version: number;
  topic: Topic;
  schema: TSchema;
  /** The CloudEvents `dataschema` URI of this type and version. */
  dataschema: string;
}

export type EventData<TDefinition extends EventDefinition> = z.infer<TDefinition['schema']>;

export class EventSchemaError extends Error {
  constructor(
    readonly eventType: string,
    readonly issues: { path: string; message: string }[],
  ) {
    super(`Event ${eventType} does not match its schema: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'EventSchemaError';
  }
}

export class UnknownEventTypeError extends Error {
  constructor(readonly eventType: string) {
    super(`Unknown event type ${JSON.stringify(eventType)}`);
    this.name = 'UnknownEventTypeError';
  }
}

const definitions = new Map<string, EventDefinition>();

export function defineEvent<TSchema extends z.ZodType>(
  type: string,
  version: number,
  topic: Topic,
  schema: TSchema,
): EventDefinition<TSchema> {
  if (definitions.has(type)) throw new Error(`Event type ${type} is defined twice`);
  const definition = { type, version, topic, schema, dataschema: `urn:motcua:events:${type}:v${version}` };
  definitions.set(type, definition);
  return definition;
}

export function findEventDefinition(type: string): EventDefinition | undefined {
  return definitions.get(type);
}

export function allEventDefinitions(): EventDefinition[] {
  return [...definitions.values()];
}

/** Validates `data` against the schema of `type`; returns the parsed data or throws EventSchemaError. */
export function parseEventData(type: string, data: unknown): unknown {
  const definition = definitions.get(type);
  if (!definition) throw new UnknownEventTypeError(type);
  const result = definition.schema.safeParse(data);
  if (!result.success) {
    throw new EventSchemaError(
      type,
      result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    );
  }
  return result.data;
}
