import { EventEnvelope } from '@motcua/contracts';
import { isTenantId } from '@motcua/tenancy';
import { EnvelopeError, EnvelopeErrorCode } from './messaging.errors';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode: attributes as `ce_*` headers,
 * `datacontenttype` as the `content-type` header, the value is the JSON `data`. The tenant is
 * the `tenantid` extension; the trace travels as `ce_traceparent` and as W3C `traceparent`.
 */
export const EventHeaders = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  dataschema: 'ce_dataschema',
  tenantid: 'ce_tenantid',
  traceparent: 'ce_traceparent',
  contentType: 'content-type',
  w3cTraceparent: 'traceparent',
} as const;

export const CONTENT_TYPE_JSON = 'application/json';

/** What goes on the wire; the key is the aggregate id so one aggregate's events stay in order. */
export interface EncodedEvent {
  key: string;
  value: Buffer;
  headers: Record<string, string>;
}

/** The parts of a received Kafka message the codec reads (kafkajs' KafkaMessage fits). */
export interface IncomingMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

export function encodeEventHeaders(envelope: EventEnvelope): Record<string, string> {
  const headers: Record<string, string> = {
    [EventHeaders.specversion]: envelope.specversion,
    [EventHeaders.id]: envelope.id,
    [EventHeaders.source]: envelope.source,
    [EventHeaders.type]: envelope.type,
    [EventHeaders.time]: envelope.time,
    [EventHeaders.subject]: envelope.subject,
    [EventHeaders.dataschema]: envelope.dataschema,
    [EventHeaders.tenantid]: envelope.tenantid,
    [EventHeaders.contentType]: envelope.datacontenttype,
  };
  if (envelope.traceparent) {
    headers[EventHeaders.traceparent] = envelope.traceparent;
    headers[EventHeaders.w3cTraceparent] = envelope.traceparent;
  }
  return headers;
}

/** Encodes an envelope; the key defaults to the subject (the aggregate id). */
export function encodeEvent(envelope: EventEnvelope, key: string = envelope.subject): EncodedEvent {
  return { key, value: Buffer.from(JSON.stringify(envelope.data)), headers: encodeEventHeaders(envelope) };
}

/** Reads a header as text; Kafka headers are bytes and may repeat (the last one wins, as in the binding). */
export function readHeader(headers: IncomingMessage['headers'], name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : value.toString('utf8');
}

/**
 * Decodes a Kafka message into an envelope. The data is parsed JSON, not yet checked against
 * its schema (that is `parseEventData` from the contracts registry). Throws EnvelopeError.
 */
export function decodeEvent(message: IncomingMessage): EventEnvelope {
  const headers = message.headers;
  const required = (name: string): string => {
    const value = readHeader(headers, name);
    if (value === undefined || value === '') throw new EnvelopeError(EnvelopeErrorCode.HeaderMissing, { header: name });
    return value;
  };
  const specversion = required(EventHeaders.specversion);
  if (specversion !== '1.0') throw new EnvelopeError(EnvelopeErrorCode.SpecVersionUnsupported, { header: EventHeaders.specversion });
  const tenantid = readHeader(headers, EventHeaders.tenantid);
  if (tenantid === undefined || tenantid === '') throw new EnvelopeError(EnvelopeErrorCode.TenantMissing, { header: EventHeaders.tenantid });
  if (!isTenantId(tenantid)) throw new EnvelopeError(EnvelopeErrorCode.TenantInvalid, { header: EventHeaders.tenantid });
  const contentType = required(EventHeaders.contentType);
  if (contentType.split(';')[0].trim().toLowerCase() !== CONTENT_TYPE_JSON) {
    throw new EnvelopeError(EnvelopeErrorCode.ContentTypeUnsupported, { header: EventHeaders.contentType });
  }
  const envelope: EventEnvelope = {
    specversion: '1.0',
    id: required(EventHeaders.id),
    source: required(EventHeaders.source),
    type: required(EventHeaders.type),
    time: required(EventHeaders.time),
    subject: required(EventHeaders.subject),
    datacontenttype: CONTENT_TYPE_JSON,
    dataschema: required(EventHeaders.dataschema),
    tenantid,
    data: parseValue(message.value),
  };
  const traceparent = readHeader(headers, EventHeaders.traceparent) ?? readHeader(headers, EventHeaders.w3cTraceparent);
  if (traceparent) envelope.traceparent = traceparent;
  return envelope;
}

function parseValue(value: IncomingMessage['value']): unknown {
  if (value === null || value.length === 0) throw new EnvelopeError(EnvelopeErrorCode.ValueMissing);
  try {
    return JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    if (error instanceof SyntaxError) throw new EnvelopeError(EnvelopeErrorCode.ValueNotJson, {}, { cause: error });
    throw error;
  }
}
