import { EventEnvelope } from '@motcua/contracts';
import { decodeEvent, encodeEvent, EventHeaders, IncomingMessage } from './envelope-codec';
import { EnvelopeError, EnvelopeErrorCode } from './messaging.errors';

const envelope: EventEnvelope = {
  specversion: '1.0',
  id: '3f0c2a4e-8d0b-4c52-9f7e-0a1b2c3d4e5f',
  source: '/motcua/intake',
  type: 'dossier.submitted',
  time: '2026-11-02T03:04:05.678Z',
  subject: 'a1b2c3d4-0000-4000-8000-000000000001',
  datacontenttype: 'application/json',
  dataschema: 'urn:motcua:events:dossier.submitted:v1',
  tenantid: 'hung-yen',
  traceparent: '00-0123456789abcdef0123456789abcdef-0123456789abcdef-01',
  data: { dossierId: 'a1b2c3d4-0000-4000-8000-000000000001', channel: 'online' },
};

/** What kafkajs hands a consumer: header values as bytes. */
function asReceived(message: { key: string; value: Buffer; headers: Record<string, string> }): IncomingMessage {
  return {
    key: Buffer.from(message.key),
    value: message.value,
    headers: Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, Buffer.from(value)])),
  };
}

function expectEnvelopeError(message: IncomingMessage, code: EnvelopeErrorCode): void {
  let caught: unknown;
  try {
    decodeEvent(message);
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(EnvelopeError);
  expect((caught as EnvelopeError).code).toBe(code);
}

function without(header: string): IncomingMessage {
  const encoded = encodeEvent(envelope);
  const headers = { ...encoded.headers };
  delete headers[header];
  return asReceived({ ...encoded, headers });
}

describe('CloudEvents binary-mode codec', () => {
  it('puts the attributes in ce_ headers, the data in the value and keys by the subject', () => {
    const encoded = encodeEvent(envelope);
    expect(encoded.key).toBe(envelope.subject);
    expect(JSON.parse(encoded.value.toString('utf8'))).toEqual(envelope.data);
    expect(encoded.headers).toEqual({
      ce_specversion: '1.0',
      ce_id: envelope.id,
      ce_source: '/motcua/intake',
      ce_type: 'dossier.submitted',
      ce_time: envelope.time,
      ce_subject: envelope.subject,
      ce_dataschema: envelope.dataschema,
      ce_tenantid: 'hung-yen',
      ce_traceparent: envelope.traceparent,
      traceparent: envelope.traceparent,
      'content-type': 'application/json',
    });
  });

  it('round-trips an envelope through Kafka byte headers', () => {
    expect(decodeEvent(asReceived(encodeEvent(envelope)))).toEqual(envelope);
  });

  it('takes an explicit key instead of the subject', () => {
    expect(encodeEvent(envelope, 'other-key').key).toBe('other-key');
  });

  it('accepts a JSON content type with parameters and reads the W3C traceparent when ce_traceparent is absent', () => {
    const encoded = encodeEvent(envelope);
    const headers: Record<string, string> = { ...encoded.headers, 'content-type': 'application/json; charset=utf-8' };
    delete headers[EventHeaders.traceparent];
    expect(decodeEvent(asReceived({ ...encoded, headers })).traceparent).toBe(envelope.traceparent);
  });

  it('decodes an envelope without any trace', () => {
    const encoded = encodeEvent({ ...envelope, traceparent: undefined });
    expect(encoded.headers).not.toHaveProperty('traceparent');
    expect(decodeEvent(asReceived(encoded))).not.toHaveProperty('traceparent');
  });

  it.each([EventHeaders.id, EventHeaders.source, EventHeaders.type, EventHeaders.time, EventHeaders.subject, EventHeaders.dataschema, EventHeaders.specversion, EventHeaders.contentType])(
    'refuses a message without %s',
    (header) => expectEnvelopeError(without(header), EnvelopeErrorCode.HeaderMissing),
  );

  it('refuses a message without a tenant', () => {
    expectEnvelopeError(without(EventHeaders.tenantid), EnvelopeErrorCode.TenantMissing);
  });

  it.each(['Ha-Noi', "x'; drop", '1abc'])('refuses the malformed tenant %p', (tenantid) => {
    expectEnvelopeError(asReceived(encodeEvent({ ...envelope, tenantid })), EnvelopeErrorCode.TenantInvalid);
  });

  it('refuses another CloudEvents spec version', () => {
    const encoded = encodeEvent(envelope);
    expectEnvelopeError(asReceived({ ...encoded, headers: { ...encoded.headers, ce_specversion: '0.3' } }), EnvelopeErrorCode.SpecVersionUnsupported);
  });

  it('refuses a non-JSON content type', () => {
    const encoded = encodeEvent(envelope);
    expectEnvelopeError(asReceived({ ...encoded, headers: { ...encoded.headers, 'content-type': 'application/avro' } }), EnvelopeErrorCode.ContentTypeUnsupported);
  });

  it('refuses an empty or non-JSON value', () => {
    const encoded = encodeEvent(envelope);
    expectEnvelopeError({ ...asReceived(encoded), value: null }, EnvelopeErrorCode.ValueMissing);
    expectEnvelopeError({ ...asReceived(encoded), value: Buffer.from('{not json') }, EnvelopeErrorCode.ValueNotJson);
  });

  it('reads the last value of a repeated header', () => {
    const received = asReceived(encodeEvent(envelope));
    received.headers = { ...received.headers, ce_tenantid: [Buffer.from('ha-noi'), Buffer.from('hue')] };
    expect(decodeEvent(received).tenantid).toBe('hue');
  });
});
