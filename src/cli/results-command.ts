import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { formatError, loadDefinitionFile } from '../contest/load.ts';
import { computeResults } from '../review/results/compute.ts';
import { parseResultsInput } from '../review/results/input.ts';
import type { AwardGiven, Results, Vacancy } from '../review/results/types.ts';
import { AppError } from '../platform/errors.ts';
import { fail, print } from './output.ts';

export const addResultsCommands = (program: Command) => {
  const results = program.command('results').description('results of a review round: ranking, advancement, awards / 评审结果');

  results
    .command('compute <contest> <input>')
    .description('rank a round offline from a definition and a JSON file of entries, judges’ scores and vote counts')
    .option('--round <id>', 'the review round (instead of "round" in the input)')
    .option('--json', 'print the results as JSON')
    .action(async (file: string, inputFile: string, options: { round?: string; json?: boolean }) => {
      const loaded = await loadDefinitionFile(file);
      if (!loaded.ok) return fail(loaded.errors.map(formatError));
      const text = await readFile(inputFile, 'utf8').catch((error: Error) => {
        throw new AppError('results.input_unreadable', {
          zh: `无法读取输入文件 ${inputFile}：${error.message}`,
          en: `Cannot read the input file ${inputFile}: ${error.message}`,
        });
      });
      const { round, input } = parseResultsInput(text, options.round);
      const computed = computeResults(loaded.definition, round, input);
      print(options.json ? computed : describe(computed), options.json);
    });
};

const award = (a: AwardGiven) => `    ${a.name} ${a.tier}: ${a.entry}${a.prizeCny ? ` ¥${a.prizeCny}` : ''}`;
const vacancy = (v: Vacancy) => `    ${v.tier}: 空缺 empty ${v.empty}${v.undecided ? `, 待定 undecided ${v.undecided}` : ''}`;
const number = (value: number | null) => (value === null ? '—' : String(value));

/** The results as lines a person reads: each division's ranking, then awards, what is left to people, problems. */
const describe = (results: Results) =>
  [
    `round ${results.round}: ${results.advancing} advance${results.decidesAwards ? ', decides the awards' : ''}`,
    ...results.divisions.flatMap((d) => [
      d.id,
      ...d.entries.map(
        (e) =>
          `  ${number(e.rank).padStart(4)}${e.tied ? '=' : ' '} ${e.id}  ${number(e.score)}  (judges ${number(e.judgeScore)} × ${e.judges}, votes ${e.votes}${e.voteScore === null ? '' : ` → ${e.voteScore}`})${e.advances ? '  晋级 advances' : ''}`,
      ),
      ...d.awards.map(award),
      ...d.vacancies.map(vacancy),
    ]),
    ...(results.contestAwards.length + results.contestVacancies.length > 0
      ? ['whole contest', ...results.contestAwards.map(award), ...results.contestVacancies.map(vacancy)]
      : []),
    ...results.notComputed.map((n) => `left to people: ${n.what}${n.tier ? ` ${n.tier}` : ''} (${n.reason})`),
    ...results.problems.map((p) => `problem ${p.code}: ${p.message.zh} / ${p.message.en}`),
  ].join('\n');
