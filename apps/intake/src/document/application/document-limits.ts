import { DEFAULT_MAX_MESSAGE_BYTES, GRPC_MESSAGE_ENVELOPE_BYTES } from '@motcua/rpc';

/**
 * Upload limits, from the service's configuration. An upload arrives in one gRPC message, so
 * the limit must fit the server's message limit (libs/rpc, DEFAULT_MAX_MESSAGE_BYTES unless
 * sized with `grpcMessageLimitFor`) with room for the envelope: a larger one is refused at
 * bootstrap instead of failing every big upload with RESOURCE_EXHAUSTED.
 */
export class DocumentLimits {
  constructor(
    readonly maxBytes: number,
    grpcMaxMessageBytes: number = DEFAULT_MAX_MESSAGE_BYTES,
  ) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new RangeError('The upload limit must be a positive integer');
    if (maxBytes + GRPC_MESSAGE_ENVELOPE_BYTES > grpcMaxMessageBytes) {
      throw new RangeError(
        `The upload limit (${maxBytes} bytes) does not fit the gRPC message limit (${grpcMaxMessageBytes} bytes, ${GRPC_MESSAGE_ENVELOPE_BYTES} of them envelope)`,
      );
    }
  }
}
