/** Printing and exiting for CLI commands: JSON to stdout, readable errors to stderr, non-zero on failure. */
export const print = (value: unknown, json = false) => {
  process.stdout.write(json ? `${JSON.stringify(value, null, 2)}\n` : `${String(value)}\n`);
};

export const fail = (lines: string[], json?: unknown): never => {
  if (json !== undefined) print(json, true);
  for (const line of lines) process.stderr.write(`${line}\n`);
  process.exit(1);
};

export const parseInstant = (text: string): Date => {
  const at = new Date(text);
  if (Number.isNaN(at.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(text)) {
    return fail([`--at: expected an ISO-8601 time like 2025-09-09T12:00:00+08:00, got ${text}`]);
  }
  return at;
};
