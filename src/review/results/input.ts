import { z } from 'zod';
import { AppError } from '../../platform/errors.ts';
import { schemaProblems } from '../../platform/http/schema-problems.ts';
import type { ResultsInput } from './types.ts';

/** The engine's input as a file: `leitai results compute` reads it; the round may be given with `--round`. */
export const resultsInputSchema = z.strictObject({
  round: z.string().min(1).optional(),
  entries: z.array(z.strictObject({ id: z.string().min(1), division: z.string().min(1) })),
  scores: z
    .array(
      z.strictObject({
        judge: z.string().min(1),
        entry: z.string().min(1),
        criteria: z.record(z.string(), z.number()).optional(),
        total: z.number().optional(),
      }),
    )
    .default([]),
  votes: z.array(z.strictObject({ entry: z.string().min(1), count: z.number().int().nonnegative() })).default([]),
});

/** Reads the text of an input file: JSON of `resultsInputSchema`, and the round it names (or `roundOption`). */
export const parseResultsInput = (text: string, roundOption?: string): { round: string; input: ResultsInput } => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new AppError('results.input_not_json', {
      zh: `输入不是有效的 JSON：${(error as Error).message}`,
      en: `The input is not valid JSON: ${(error as Error).message}`,
    });
  }
  const parsed = resultsInputSchema.safeParse(json);
  if (!parsed.success) {
    const problems = schemaProblems(parsed.error.issues, json);
    const more = problems.length > 1 ? { zh: `（另有 ${problems.length - 1} 处）`, en: ` (and ${problems.length - 1} more)` } : { zh: '', en: '' };
    throw new AppError(
      'results.input_invalid',
      { zh: `输入不符合格式：${problems[0].message.zh}${more.zh}`, en: `The input does not match the format: ${problems[0].message.en}${more.en}` },
      400,
      problems,
    );
  }
  const { round: named, ...input } = parsed.data;
  if (named && roundOption && named !== roundOption) {
    throw new AppError('results.round_conflict', {
      zh: `输入指定轮次 ${named}，命令行指定 ${roundOption}，请只留一个`,
      en: `The input names round ${named} and --round names ${roundOption}; keep one`,
    });
  }
  const round = roundOption ?? named;
  if (!round)
    throw new AppError('results.round_missing', {
      zh: '请在输入中写明 "round"，或用 --round 指定轮次',
      en: 'Name the round: "round" in the input, or --round',
    });
  return { round, input };
};
