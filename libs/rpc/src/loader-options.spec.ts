import { DEFAULT_MAX_MESSAGE_BYTES, GRPC_MESSAGE_ENVELOPE_BYTES, grpcMessageLimitFor } from './loader-options';

describe('gRPC message limits', () => {
  it('default to 16 MiB of payload plus the envelope, four times grpc-js default', () => {
    expect(DEFAULT_MAX_MESSAGE_BYTES).toBe(16 * 1024 * 1024 + GRPC_MESSAGE_ENVELOPE_BYTES);
  });

  it('grow with a configured payload above the default, and never shrink below it', () => {
    expect(grpcMessageLimitFor(10 * 1024 * 1024)).toBe(DEFAULT_MAX_MESSAGE_BYTES);
    expect(grpcMessageLimitFor(40 * 1024 * 1024)).toBe(40 * 1024 * 1024 + GRPC_MESSAGE_ENVELOPE_BYTES);
    expect(() => grpcMessageLimitFor(-1)).toThrow(RangeError);
    expect(() => grpcMessageLimitFor(1.5)).toThrow(RangeError);
  });
});
