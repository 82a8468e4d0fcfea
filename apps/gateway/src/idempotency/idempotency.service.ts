import { randomUUID } from 'node:crypto';
import { GatewayError, GatewayErrorCode } from '../access/gateway.errors';
import type { GatewayStore } from '../store/gateway-store';

/** An answer as it was sent, replayed byte for byte. */
export interface StoredAnswer {
  status: number;
  /** The few headers that belong to the answer (content type, location, ETag). */
  headers: Record<string, string>;
  body: string;
}

type IdempotencyRecord =
  | { state: 'in_progress'; fingerprint: string; owner: string; startedAt: number }
  | ({ state: 'done'; fingerprint: string; storedAt: number } & StoredAnswer);

/** The right to run a request under its key, held until the answer is stored or the claim let go. */
export interface IdempotencyClaim {
  storeKey: string;
  fingerprint: string;
  /** The in-progress marker as stored: completing or releasing checks it is still ours. */
  marker: string;
}

export type IdempotencyStart = { kind: 'execute'; claim: IdempotencyClaim } | { kind: 'replay'; answer: StoredAnswer };

export interface IdempotencyOptions {
  /** How long a stored answer is replayed. */
  ttlMs: number;
  /** How long a claim holds without an answer (a crashed replica's claim frees itself after it). */
  lockTtlMs: number;
  /** How long a concurrent retry waits for the first one's answer before 409. */
  waitMs: number;
  /** How often it looks meanwhile. Default 25 ms. */
  pollMs?: number;
}

/** How long a client told to wait (409) should wait, in seconds. */
export const IN_PROGRESS_RETRY_AFTER_SECONDS = 1;

function unavailable(cause: unknown): GatewayError {
  return new GatewayError(
    GatewayErrorCode.IdempotencyUnavailable,
    'Tạm thời không kiểm tra được Idempotency-Key nên yêu cầu chưa được thực hiện; vui lòng thử lại sau.',
    {},
    { cause },
  );
}

function parseRecord(raw: string): IdempotencyRecord {
  const record = JSON.parse(raw) as IdempotencyRecord;
  if (typeof record !== 'object' || record === null || (record.state !== 'in_progress' && record.state !== 'done') || typeof record.fingerprint !== 'string') {
    throw new TypeError('Not an idempotency record');
  }
  return record;
}

/**
 * Exactly one execution per key: the first request claims the key atomically (`SET NX PX` of
 * an in-progress marker); the answer then replaces the marker (compare-and-set) and is kept
 * for `ttlMs`. A request finding the key: another fingerprint → 422; a stored answer → that
 * answer; still in progress → waits up to `waitMs` for it, then 409 with Retry-After. A claim
 * whose answer must not be kept (5xx, nothing sent) is released so the client may retry.
 */
export class IdempotencyService {
  private readonly pollMs: number;

  constructor(
    private readonly store: GatewayStore,
    private readonly options: IdempotencyOptions,
    private readonly clock: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.pollMs = options.pollMs ?? 25;
  }

  async start(storeKey: string, fingerprint: string): Promise<IdempotencyStart> {
    const deadline = this.clock() + this.options.waitMs;
    for (;;) {
      const marker = JSON.stringify({ state: 'in_progress', fingerprint, owner: randomUUID(), startedAt: this.clock() } satisfies IdempotencyRecord);
      let raw: string | null;
      try {
        if (await this.store.putIfAbsent(storeKey, marker, this.options.lockTtlMs)) return { kind: 'execute', claim: { storeKey, fingerprint, marker } };
        raw = await this.store.get(storeKey);
      } catch (error) {
        throw unavailable(error);
      }
      if (raw !== null) {
        let record: IdempotencyRecord;
        try {
          record = parseRecord(raw);
        } catch (error) {
          throw unavailable(error);
        }
        if (record.fingerprint !== fingerprint) {
          throw new GatewayError(
            GatewayErrorCode.IdempotencyKeyReused,
            'Idempotency-Key này đã được dùng cho một yêu cầu khác; mỗi yêu cầu mới cần một khóa mới.',
          );
        }
        if (record.state === 'done') return { kind: 'replay', answer: { status: record.status, headers: record.headers, body: record.body } };
      }
      // In progress (or freed a moment ago: then the next round claims it).
      if (this.clock() >= deadline) {
        throw new GatewayError(
          GatewayErrorCode.IdempotencyInProgress,
          'Yêu cầu đầu tiên với Idempotency-Key này vẫn đang được xử lý; vui lòng thử lại sau ít giây.',
          { retryAfterSeconds: IN_PROGRESS_RETRY_AFTER_SECONDS },
        );
      }
      await this.sleep(this.pollMs);
    }
  }

  /** Keeps the answer for `ttlMs`; false when the claim was no longer ours (it had expired). */
  async complete(claim: IdempotencyClaim, answer: StoredAnswer): Promise<boolean> {
    const record: IdempotencyRecord = { state: 'done', fingerprint: claim.fingerprint, storedAt: this.clock(), ...answer };
    return this.store.replaceIf(claim.storeKey, claim.marker, JSON.stringify(record), this.options.ttlMs);
  }

  /** Lets the key go, so a retry runs again; false when it was no longer ours. */
  release(claim: IdempotencyClaim): Promise<boolean> {
    return this.store.deleteIf(claim.storeKey, claim.marker);
  }
}
