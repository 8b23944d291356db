import type { LocalisedText } from '../../platform/errors.ts';
import type { ResultProblem } from './types.ts';

export const problem = (code: string, message: LocalisedText, about: Omit<ResultProblem, 'code' | 'message'> = {}): ResultProblem => ({
  code,
  message,
  ...about,
});
