/**
 * The resident memory of a Leitai server after start: `leitai serve --demo` started as a child process
 * on the given database, asked for /healthz until it answers, then read from /proc/<pid>/status
 * (VmRSS) and stopped. bin/leitai.mjs runs the compiled server when `npm run build` is newer than
 * src/, else the sources through tsx, which costs more memory: build first for the production figure.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const answers = async (url: string) => {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
};

export async function serverRssAfterStart(databaseUrl: string, auditKey: string): Promise<number> {
  const port = await freePort();
  const child = spawn(process.execPath, ['bin/leitai.mjs', 'serve', '--demo'], {
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, LEITAI_AUDIT_KEY: auditKey, LOG_LEVEL: 'warn' },
    stdio: 'ignore',
  });
  try {
    for (let tries = 0; !(await answers(`http://127.0.0.1:${port}/healthz`)); tries++) {
      if (child.exitCode !== null || tries > 240) throw new Error('the server did not answer /healthz');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const kib = Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1]);
    return Math.round(kib / 1024);
  } finally {
    child.kill('SIGTERM');
  }
}
