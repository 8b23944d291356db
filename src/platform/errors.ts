/**
 * Every refusal Leitai gives is an AppError: a stable code that clients and tests match on,
 * a message in Chinese and English that names the rule and the value that broke it, and the
 * HTTP status it maps to. Routes turn it into a 4xx reply; nothing else should reach a 500.
 */
export interface LocalisedText {
  zh: string;
  en: string;
}

export interface Problem {
  code: string;
  message: LocalisedText;
  /** Where in the request the problem is, e.g. `members[2].idNumber`. */
  path?: string;
  /** The definition rule that was enforced, e.g. `tracks[1].rules[0]` or `teamSize`. */
  rule?: string;
}

export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly localised: LocalisedText;
  readonly problems: Problem[];

  constructor(code: string, message: LocalisedText, status = 400, problems: Problem[] = []) {
    super(`${message.zh} / ${message.en}`);
    this.name = 'AppError';
    this.code = code;
    this.status = status;
    this.localised = message;
    this.problems = problems;
  }
}

export const notFound = (what: LocalisedText, code = 'not_found') => new AppError(code, { zh: `未找到${what.zh}`, en: `${what.en} not found` }, 404);

export const forbidden = (code = 'auth.forbidden') => new AppError(code, { zh: '无权进行此操作', en: 'You may not do this' }, 403);

export const unauthenticated = () => new AppError('auth.required', { zh: '请先登录', en: 'Please sign in first' }, 401);
