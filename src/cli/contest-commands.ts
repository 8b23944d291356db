import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { copyEdition } from '../contest/copy.ts';
import { definitionJsonSchema } from '../contest/json-schema.ts';
import { formatError, loadDefinitionFile } from '../contest/load.ts';
import { summarise } from '../contest/views.ts';
import { roundsSummary } from '../review/rounds.ts';
import { votingSummary } from '../voting/summary.ts';
import { parseInstant, print, fail } from './output.ts';

export const addContestCommands = (program: Command) => {
  const contest = program.command('contest').description('contest definitions: check, schema, copy / 赛事定义');

  contest
    .command('schema')
    .description('print the JSON Schema of contest definitions')
    .action(() => print(definitionJsonSchema(), true));

  contest
    .command('check <file>')
    .description('validate a definition and summarise it')
    .option('--json', 'print the summary as JSON')
    .option('--at <time>', 'also report the phases open at this ISO-8601 time (without an offset: in the contest time zone)')
    .action(async (file: string, options: { json?: boolean; at?: string }) => {
      const loaded = await loadDefinitionFile(file);
      if (!loaded.ok) return fail(loaded.errors.map(formatError), options.json ? { ok: false, errors: loaded.errors } : undefined);
      const at = options.at ? parseInstant(options.at, loaded.definition.timeZone) : undefined;
      const summary = summarise(loaded.definition, at);
      if (options.json) return print({ ...summary, rounds: roundsSummary(loaded.definition), voting: votingSummary(loaded.definition) }, true);
      print(
        [
          `${summary.name} (${summary.id}): valid`,
          `  tracks ${summary.tracks.length}, divisions ${summary.divisions.length}, prize pool ¥${summary.prizePoolCny}`,
          ...summary.phases.map((p) => `  ${p.name.padEnd(12, '　')} ${p.start} → ${p.end}`),
          ...(summary.phaseAt ? [`  open at ${options.at}: ${summary.phaseAt.join(', ') || 'none'}`] : []),
        ].join('\n'),
      );
    });

  contest
    .command('copy <file>')
    .description('make the next edition: every date shifted so registration opens on the given day')
    .requiredOption('--registration-opens <date>', 'YYYY-MM-DD in the contest time zone')
    .option('--out <file>', 'write the new definition here instead of standard output')
    .action(async (file: string, options: { registrationOpens: string; out?: string }) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(options.registrationOpens)) fail([`--registration-opens: expected YYYY-MM-DD, got ${options.registrationOpens}`]);
      const loaded = await loadDefinitionFile(file);
      if (!loaded.ok) return fail(loaded.errors.map(formatError));
      const yaml = stringify(copyEdition(loaded.definition, options.registrationOpens), { lineWidth: 0 });
      if (options.out) await writeFile(options.out, yaml);
      else print(yaml);
    });
};
