import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

/**
 * `leitai serve --demo` on a free port with a fresh data directory; resolves once it is serving.
 * `prepare` writes into that directory first, through the services, what a test needs that the API
 * cannot make at the time the test runs (a round whose window is open today, say).
 */
export const startServer = async ({ prepare }: { prepare?: (dataDir: string) => Promise<void> } = {}): Promise<RunningServer> => {
  const dataDir = await mkdtemp(join(tmpdir(), 'leitai-e2e-'));
  await prepare?.(dataDir);
  const port = await freePort();
  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['bin/leitai.mjs', 'serve', '--demo'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), LEITAI_DATA_DIR: dataDir, NODE_ENV: 'test' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`leitai serve exited unexpectedly (${code ?? signal}):\n${output}`);
  });

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`the server did not start within 120 s:\n${output}`);
    }
    try {
      const response = await fetch(`${url}/api/contests`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  return {
    url,
    output: () => output,
    stop: async () => {
      stopping = true;
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
};
