/**
 * A small closed-loop HTTP/1.1 load generator for the benchmarks: `connections` keep-alive sockets,
 * each sending its next request as soon as the answer to the last one has arrived, for `seconds`.
 * Requests are prepared bytes, and answers are read only as far as the status and Content-Length, so
 * the generator costs a few microseconds a request and the server, not the client, is measured
 * (Node's http client costs several times more). Fastify answers with a Content-Length always.
 */
import { connect, type Socket } from 'node:net';

export interface LoadResult {
  /** Answers a second, over the whole run. */
  rps: number;
  /** Answers by status code. */
  statuses: Record<number, number>;
  p50Ms: number;
  p99Ms: number;
  /** Every answer's latency in ms, in the order they came (for checks beyond the percentiles). */
  latencies: Float64Array;
  /** Each answer's status and body, when `keepBodies` (for checks of what was acknowledged). */
  answers: { request: number; status: number; body: string }[];
}

export interface LoadOptions {
  port: number;
  connections: number;
  seconds: number;
  /** The bytes of request number `n` (0, 1, 2…, across all connections); undefined when there are no more. */
  request: (n: number) => Buffer | undefined;
  keepBodies?: boolean;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** Reads one HTTP/1.1 answer after another off a socket. */
class AnswerReader {
  private buffer: Buffer = Buffer.alloc(0);
  constructor(private readonly onAnswer: (status: number, body: Buffer) => void) {}

  push(chunk: Buffer) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf(HEADER_END);
      if (headerEnd < 0) return;
      const head = this.buffer.subarray(0, headerEnd).toString('latin1');
      const length = Number(/\r\ncontent-length:\s*(\d+)/i.exec(head)?.[1] ?? NaN);
      if (Number.isNaN(length)) throw new Error(`an answer without Content-Length: ${head.slice(0, 200)}`);
      const end = headerEnd + HEADER_END.length + length;
      if (this.buffer.length < end) return;
      const status = Number(head.slice(9, 12));
      const body = this.buffer.subarray(headerEnd + HEADER_END.length, end);
      this.buffer = this.buffer.subarray(end);
      this.onAnswer(status, body);
    }
  }
}

const percentile = (sorted: Float64Array, p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? NaN;
const round = (ms: number) => Math.round(ms * 100) / 100;

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statuses: Record<number, number> = {};
  const answers: LoadResult['answers'] = [];
  let next = 0;
  const started = performance.now();
  const end = started + options.seconds * 1000;

  const connection = () =>
    new Promise<void>((resolve, reject) => {
      const socket: Socket = connect({ port: options.port, host: '127.0.0.1', noDelay: true });
      let sentAt = 0;
      let current = -1;
      const send = () => {
        const request = performance.now() < end ? options.request(next) : undefined;
        if (!request) {
          socket.end();
          return;
        }
        current = next++;
        sentAt = performance.now();
        socket.write(request);
      };
      const reader = new AnswerReader((status, body) => {
        latencies.push(performance.now() - sentAt);
        statuses[status] = (statuses[status] ?? 0) + 1;
        if (options.keepBodies) answers.push({ request: current, status, body: body.toString('utf8') });
        send();
      });
      socket.on('connect', send);
      socket.on('data', (chunk) => reader.push(chunk));
      socket.on('error', reject);
      socket.on('close', () => resolve());
    });

  await Promise.all(Array.from({ length: options.connections }, connection));
  const seconds = (performance.now() - started) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    rps: Math.round(latencies.length / seconds),
    statuses,
    p50Ms: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    latencies: Float64Array.from(latencies),
    answers,
  };
}

/** The bytes of one request: method, path, headers (Host and Content-Length added) and a body. */
export const httpRequest = (method: string, path: string, headers: Record<string, string>, body?: string): Buffer => {
  const bodyBytes = body === undefined ? Buffer.alloc(0) : Buffer.from(body);
  const lines = [`${method} ${path} HTTP/1.1`, 'Host: 127.0.0.1', ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`)];
  if (body !== undefined) lines.push(`Content-Length: ${bodyBytes.length}`);
  return Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), bodyBytes]);
};
