import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatError, loadDefinitionFile } from '../contest/load.ts';
import { validateBatch } from '../registration/batch.ts';
import { fail, parseInstant, print } from './output.ts';

export const addRegistrationsCommands = (program: Command) => {
  const registrations = program.command('registrations').description('registrations: bulk checks / 报名');

  registrations
    .command('validate <contest> <registrations>')
    .description('check a batch of registrations (JSON) against every rule of a contest definition, as a bulk import would')
    .option('--json', 'print one result per registration as JSON')
    .option('--at <time>', 'also check that registration is open at this ISO-8601 time (without an offset: in the contest time zone)')
    .action(async (contestFile: string, batchFile: string, options: { json?: boolean; at?: string }) => {
      const loaded = await loadDefinitionFile(contestFile);
      if (!loaded.ok) return fail(loaded.errors.map(formatError));
      const batch = await readBatch(batchFile);
      const results = validateBatch(loaded.definition, batch, options.at ? parseInstant(options.at, loaded.definition.timeZone) : undefined);
      const output = results.map(({ ref, ok, errors }) => ({
        ref,
        ok,
        errors: errors.map(({ code, message, path, rule }) => ({ code, message: message.zh, messageEn: message.en, path, rule })),
      }));
      if (options.json) print(output, true);
      else for (const r of output) print(`${r.ok ? '✓' : '✗'} ${r.ref}${r.errors.map((e) => `\n    ${e.code}: ${e.message}`).join('')}`);
      if (results.some((r) => !r.ok)) process.exitCode = 1;
    });
};

/** A JSON array of registrations, or `{ "registrations": [...] }`. */
const readBatch = async (file: string): Promise<unknown[]> => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    return fail([`${file}: cannot read a JSON batch: ${(error as Error).message}`]);
  }
  const list = Array.isArray(parsed) ? parsed : (parsed as { registrations?: unknown })?.registrations;
  if (!Array.isArray(list)) return fail([`${file}: expected an array of registrations or { "registrations": [...] }`]);
  return list;
};
