import { instantIn } from '../contest/time.ts';

/** Printing and exiting for CLI commands: JSON to stdout, readable errors to stderr, non-zero on failure. */

let quietOnClosedPipe = false;

/**
 * A reader that stops early (`| head`) closes the pipe: the next write fails with EPIPE. That is the
 * reader's choice, not an error, so the command ends there, quietly, with the exit code it had.
 */
const endQuietlyWhenThePipeCloses = () => {
  if (quietOnClosedPipe) return;
  quietOnClosedPipe = true;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit();
    throw error;
  });
};

export const print = (value: unknown, json = false) => {
  endQuietlyWhenThePipeCloses();
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${String(value)}\n`);
};

export const fail = (lines: string[], json?: unknown): never => {
  if (json !== undefined) print(json, true);
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
};

/** `--at`: with an offset as written, without one in the contest's time zone (not the machine's). */
export const parseInstant = (text: string, timeZone: string): Date =>
  instantIn(text, timeZone) ??
  fail([`--at: expected an ISO-8601 time like 2025-09-09T23:59:00 (read in the contest's time zone, ${timeZone}) or 2025-09-09T23:59:00+08:00, got ${text}`]);
