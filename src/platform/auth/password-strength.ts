/**
 * Whether a new password is hard enough to guess, judged by zxcvbn (Dropbox's estimator, the
 * TypeScript port): it knows common passwords, words, names, keyboard walks, sequences, dates and
 * the person's own details. Score 3 ("safely unguessable: moderate protection from offline
 * slow-hash attacks") is the least accepted.
 */
import type * as EnglishPack from '@zxcvbn-ts/language-en';
import { AppError, type LocalisedText } from '../errors.ts';

export const MIN_PASSWORD_SCORE = 3;

/**
 * zxcvbn and its dictionaries, loaded at the first password checked: they take some 50 MB, which a
 * server that no one signs up to (or only the demo's accounts) never needs. No translations given:
 * zxcvbn's feedback comes back as keys, worded below in both languages.
 */
let loaded:
  | Promise<{
      estimator: { check(password: string, userInputs: string[]): { score: number; feedback: { warning: string | null; suggestions: string[] } } };
      english: typeof EnglishPack;
    }>
  | undefined;
const zxcvbn = () =>
  (loaded ??= Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]).then(
    ([core, common, english]) => ({
      estimator: new core.ZxcvbnFactory({ dictionary: { ...common.dictionary, ...english.dictionary }, graphs: common.adjacencyGraphs }),
      english,
    }),
  ));

type Warning = keyof typeof EnglishPack.translations.warnings;
type Suggestion = keyof typeof EnglishPack.translations.suggestions;

const zhWarnings: Record<Warning, string> = {
  straightRow: '键盘上连成一行的按键很容易被猜到。',
  keyPattern: '简短的键盘图案很容易被猜到。',
  simpleRepeat: '像“aaa”这样重复的字符很容易被猜到。',
  extendedRepeat: '像“abcabcabc”这样重复的字符组合很容易被猜到。',
  sequences: '像“abc”这样常见的字符序列很容易被猜到。',
  recentYears: '最近的年份很容易被猜到。',
  dates: '日期很容易被猜到。',
  topTen: '这是被使用得最多的密码之一。',
  topHundred: '这是经常被使用的密码。',
  common: '这是常用密码。',
  similarToCommon: '这与常用密码相似。',
  wordByItself: '单个单词很容易被猜到。',
  namesByThemselves: '单独的名字或姓氏很容易被猜到。',
  commonNames: '常见的名字和姓氏很容易被猜到。',
  userInputs: '密码不应包含个人信息或与本站相关的内容。',
  pwned: '此密码已在网上的数据泄露中公开。',
};

const zhSuggestions: Record<Suggestion, string> = {
  l33t: '避免可预测的字母替换，如用“@”代替“a”。',
  reverseWords: '避免把常见单词倒过来拼写。',
  allUppercase: '只把部分字母大写，而不是全部。',
  capitalization: '不只把首字母大写。',
  dates: '避免与你相关的日期和年份。',
  recentYears: '避免最近的年份。',
  associatedYears: '避免与你相关的年份。',
  sequences: '避免常见的字符序列。',
  repeated: '避免重复的单词和字符。',
  longerKeyboardPattern: '使用更长的键盘图案，并多次改变方向。',
  anotherWord: '再加几个不常见的词。',
  useWords: '使用多个词，但避免常见短语。',
  noNeed: '不用符号、数字或大写字母，也能设出强密码。',
  pwned: '如果你在别处用过这个密码，请更改它。',
};

export interface PasswordOwner {
  email: string;
  displayName: string;
}

/** Refuses (400 auth.password_weak) a password scoring under 3, or holding the owner's email, its name part or display name. */
export async function checkPasswordStrength(password: string, owner: PasswordOwner): Promise<void> {
  const { estimator, english } = await zxcvbn();
  const localPart = owner.email.split('@')[0] ?? '';
  const personal = [owner.email, localPart, owner.displayName].map(comparable).filter((text) => text.length >= 3);
  const folded = comparable(password);
  if (personal.some((text) => folded.includes(text))) throw passwordWeak({ zh: zhWarnings.userInputs, en: english.translations.warnings.userInputs });
  const { score, feedback } = estimator.check(password, [owner.email, localPart, owner.displayName]);
  if (score >= MIN_PASSWORD_SCORE) return;
  const warning = feedback.warning as Warning | null;
  const suggestions = feedback.suggestions as Suggestion[];
  throw passwordWeak({
    zh: [warning ? zhWarnings[warning] : '', ...suggestions.map((s) => zhSuggestions[s])].join(''),
    en: [warning ? english.translations.warnings[warning] : '', ...suggestions.map((s) => english.translations.suggestions[s])].filter(Boolean).join(' '),
  });
}

const comparable = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

function passwordWeak(advice: LocalisedText): AppError {
  const message = { zh: `密码太容易被猜到。${advice.zh}`, en: `The password is too easy to guess. ${advice.en}`.trim() };
  return new AppError('auth.password_weak', message, 400, [{ code: 'auth.password_weak', path: 'password', message }]);
}
