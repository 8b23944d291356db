import { ApiError } from '../api/index.ts';
import type { Problem } from '../api/types.ts';
import { translate } from '../i18n.ts';

/** A refusal's problems to place beside fields: its own, else the refusal itself at the top. */
export const problemsOf = (error: unknown): Problem[] => {
  if (!(error instanceof ApiError))
    return [{ code: 'unexpected', message: { zh: translate('zh', 'error.unexpected'), en: translate('en', 'error.unexpected') } }];
  return error.problems.length > 0 ? error.problems : [{ code: error.code, message: error.messages }];
};

/** 专业领域 as typed: several words split at commas (半角、全角) or 顿号, each once. */
export const expertiseOf = (text: string): string[] => [
  ...new Set(
    text
      .split(/[,，、;；\n]/)
      .map((word) => word.trim())
      .filter(Boolean),
  ),
];
