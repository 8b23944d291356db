/**
 * `leitai serve` as a child process on a given database, that a test can kill (SIGKILL: no shutdown
 * runs) and start again on the same port and data.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

export interface ServeProcess {
  url: string;
  /** Starts the server (again) and resolves once /healthz answers. */
  start(): Promise<void>;
  /** SIGKILL, and resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM (the server closes: what is queued is written), and resolves once the process is gone. */
  stop(): Promise<void>;
  output(): string;
}

/** `env` holds the database (DATABASE_URL or LEITAI_DATA_DIR) and anything else; the contests folder is empty. */
export async function serveProcess(env: Record<string, string>): Promise<ServeProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const contests = mkdtempSync(join(tmpdir(), 'leitai-contests-'));
  let child: ChildProcess | undefined;
  let output = '';

  const gone = async (signal: NodeJS.Signals) => {
    const running = child;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill(signal);
    await exited;
  };

  return {
    url,
    output: () => output,
    async start() {
      const started = spawn(process.execPath, ['bin/leitai.mjs', 'serve', '--contests', contests], {
        cwd: root,
        env: { ...process.env, NODE_ENV: 'test', ...env, PORT: String(port) },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      started.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      started.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const deadline = Date.now() + 120_000;
      for (;;) {
        if (started.exitCode !== null) throw new Error(`leitai serve exited (${started.exitCode}):\n${output}`);
        if (Date.now() > deadline) throw new Error(`leitai serve did not answer within 120 s:\n${output}`);
        try {
          if ((await fetch(`${url}/healthz`)).ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
    kill: () => gone('SIGKILL'),
    stop: () => gone('SIGTERM'),
  };
}
