// Closed-loop HTTP load: N clients, each sending its next submission when the previous answer
// arrives, over keep-alive connections on loopback, with Node's own http client.
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Submission {
  gatewayUrl: string;
  tenantId: string;
  token: string;
  /** The request body, sent as is for every dossier. */
  body: Buffer;
}

export interface LoadPhase {
  clients: number;
  seconds: number;
  maxRequests: number;
  requestTimeoutMs: number;
}

export interface LoadResult {
  /** Wall time from the first request sent to the last answer received. */
  elapsedSeconds: number;
  requests: number;
  /** Latency of every answered request (any status), in ms. */
  latenciesMs: number[];
  /** Latency of the 201 answers only. */
  createdLatenciesMs: number[];
  /** Ids of the dossiers created (201 answers). */
  dossierIds: string[];
  /** Status code (or network error code) → count, for everything but 201. */
  errors: Record<string, number>;
}

interface Answer {
  status: number;
  body: string;
}

class LoadError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'LoadError';
  }
}

function post(agent: Agent, target: URL, submission: Submission, timeoutMs: number): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      target,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': submission.body.length,
          authorization: `Bearer ${submission.token}`,
          'x-tenant-id': submission.tenantId,
          // A new submission each time, as a client creating a new dossier would send it.
          'idempotency-key': randomUUID(),
        },
      },
      (incoming) => {
        const chunks: Buffer[] = [];
        incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
        incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        incoming.on('error', reject);
      },
    );
    outgoing.setTimeout(timeoutMs, () => outgoing.destroy(new LoadError('timeout', `no answer within ${timeoutMs} ms`)));
    outgoing.on('error', reject);
    outgoing.end(submission.body);
  });
}

function errorKey(error: unknown): string {
  if (error instanceof LoadError) return error.code;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown';
}

function dossierIdOf(body: string): string {
  const parsed: unknown = JSON.parse(body);
  const id = typeof parsed === 'object' && parsed !== null ? (parsed as { id?: unknown }).id : undefined;
  if (typeof id !== 'string') throw new LoadError('bad-201-body', `a 201 answer without an id: ${body.slice(0, 200)}`);
  return id;
}

/**
 * Runs one phase: every client loops until the phase's time is up or the request budget is
 * spent. Failures are counted by status or error code, never thrown.
 */
export async function runLoad(submission: Submission, phase: LoadPhase): Promise<LoadResult> {
  const agent = new Agent({ keepAlive: true, maxSockets: phase.clients });
  const target = new URL('/v1/dossiers', submission.gatewayUrl);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') throw new Error(`The benchmark only loads loopback, not ${target.hostname}`);
  const result: LoadResult = { elapsedSeconds: 0, requests: 0, latenciesMs: [], createdLatenciesMs: [], dossierIds: [], errors: {} };
  const count = (key: string) => (result.errors[key] = (result.errors[key] ?? 0) + 1);
  const started = performance.now();
  const deadline = started + phase.seconds * 1000;

  const client = async (): Promise<void> => {
    while (performance.now() < deadline && result.requests < phase.maxRequests) {
      result.requests += 1;
      const sent = performance.now();
      try {
        const answer = await post(agent, target, submission, phase.requestTimeoutMs);
        const latency = performance.now() - sent;
        result.latenciesMs.push(latency);
        if (answer.status === 201) {
          result.dossierIds.push(dossierIdOf(answer.body));
          result.createdLatenciesMs.push(latency);
        } else {
          count(String(answer.status));
        }
      } catch (error) {
        count(errorKey(error));
      }
    }
  };

  try {
    await Promise.all(Array.from({ length: phase.clients }, client));
  } finally {
    agent.destroy();
  }
  result.elapsedSeconds = (performance.now() - started) / 1000;
  return result;
}
