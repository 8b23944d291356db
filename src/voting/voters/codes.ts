/**
 * The rules of voters' one-time codes, as plain data and pure functions: how a code is made, kept,
 * worded and checked, how often one may be asked for, and the refusals a voter sees.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../platform/errors.ts';
import { count } from '../../platform/plural.ts';

export const CODE_MINUTES = 5;
export const CODE_ATTEMPTS = 5;
export const VOTER_SESSION_DAYS = 30;

/** How long after a code the next may be sent to the same number. */
export const RESEND_AFTER_MS = 60_000;

/**
 * How often a code may be sent: twenty an hour from one address (so one machine cannot walk through
 * numbers), one a minute and five an hour to a number (so an SMS bill cannot be run up on one phone).
 * Checked in this order, stopping at the first refusal: a request refused for its address uses none
 * of the number's codes, and one refused within the minute none of its hour.
 */
export const codeLimits = [
  { name: 'address-hour', of: 'address', windowMs: 3_600_000, limit: 20 },
  { name: 'phone-minute', of: 'phone', windowMs: RESEND_AFTER_MS, limit: 1 },
  { name: 'phone-hour', of: 'phone', windowMs: 3_600_000, limit: 5 },
] as const;

/** The counter key of one limit for one request. */
export const codeLimitKey = (limit: (typeof codeLimits)[number], request: { phone: string; address: string }) =>
  `voter-code:${limit.name}:${request[limit.of]}`;

/** Six digits from a draw of 0…999,999 (`draw` is crypto.randomInt in use). */
export const codeOf = (draw: number) => String(draw).padStart(6, '0');

/** What is stored of a code: its SHA-256 salted with the code row's id, so equal codes never look alike. */
export const codeHash = (codeId: string, code: string) => createHash('sha256').update(`${codeId}:${code}`).digest('hex');

export const codeMatches = (stored: string, codeId: string, code: string) => {
  const given = Buffer.from(codeHash(codeId, code), 'hex');
  const expected = Buffer.from(stored, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** The SMS: which contest it is for (when known), the code, how long it lasts, and a warning not to pass it on. */
export const codeText = (code: string, contestName?: string) =>
  `${contestName ? `您正在为「${contestName}」投票，` : ''}投票验证码 ${code}，${CODE_MINUTES} 分钟内有效。请勿告诉他人。`;

export const phoneInvalid = () => {
  const message = { zh: '请填写正确的大陆手机号码（11 位）', en: 'Enter a mainland China mobile number (11 digits)' };
  return new AppError('voting.phone_invalid', message, 400, [{ code: 'voting.phone_invalid', message, path: 'phone' }]);
};

export const tooManyCodes = (retryAfterMs: number) => {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  const minutes = Math.ceil(seconds / 60);
  const wait = seconds < 120 ? { zh: `${seconds} 秒`, en: count(seconds, 'second') } : { zh: `${minutes} 分钟`, en: count(minutes, 'minute') };
  return new AppError(
    'voting.too_many_codes',
    { zh: `验证码发送过于频繁，请 ${wait.zh}后再试`, en: `Too many codes were asked for; try again in ${wait.en}` },
    429,
  );
};

export const codeWrong = (attemptsLeft: number) => {
  const message =
    attemptsLeft > 0
      ? { zh: `验证码不正确，还可再试 ${attemptsLeft} 次`, en: `Wrong code; ${count(attemptsLeft, 'try', 'tries')} left` }
      : { zh: '验证码不正确，请重新获取验证码', en: 'Wrong code; ask for a new one' };
  return new AppError('voting.code_wrong', message, 400, [{ code: 'voting.code_wrong', message, path: 'code' }]);
};

export const codeExpired = () =>
  new AppError('voting.code_expired', { zh: '验证码已失效，请重新获取', en: 'The code has expired or was used; ask for a new one' }, 400);

export const tooManyAttempts = () =>
  new AppError('voting.too_many_attempts', { zh: '验证码错误次数过多，请重新获取验证码', en: 'Too many wrong codes; ask for a new one' }, 429);
