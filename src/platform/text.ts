/**
 * Free text as people type and paste it, made safe to store and fair to compare.
 *
 * PostgreSQL refuses NUL in text and jsonb and lone UTF-16 surrogates cannot be encoded as UTF-8,
 * so either one reaching a query was a 500; control characters and bidi overrides hide or reorder
 * what a reviewer sees; and a title made only of zero-width spaces looks empty but is not. Every
 * free-text field of every request goes through `normaliseText` (via the zod builders below), and
 * every string of every request is screened by `findUnstorableText` before any handler runs.
 */
import * as OpenCC from 'opencc-js/t2cn';
import { z } from 'zod';
import type { LocalisedText } from './errors.ts';

export type TextRefusalCode = 'text.invalid_character' | 'text.empty' | 'text.too_long';

export type NormalisedText = { ok: true; text: string } | { ok: false; code: TextRefusalCode; message: LocalisedText; what?: LocalisedText };

/** A UTF-16 half without its partner: `u` regexes see a well-formed pair as one code point. */
const loneSurrogate = /\p{Surrogate}/u;
/**
 * C0 and C1 controls. Tab, line feed and carriage return are allowed only in multi-line text,
 * where CR LF and lone CR become LF.
 */
const singleLineControl = /[\u0000-\u001F\u007F-\u009F]/u;
const multiLineControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;
/** Bidi embeddings, overrides and isolates: they make text display in another order than it is stored ("Trojan Source"). */
const bidiControl = /[\u202A-\u202E\u2066-\u2069]/u;
/** What renders as nothing: whitespace and default-ignorable code points (U+200B, U+2060, U+FEFF, U+00AD, U+3164…). */
const invisible = /[\s\p{Default_Ignorable_Code_Point}]/gu;
const outerInvisible = /^[\s\p{Default_Ignorable_Code_Point}]+|[\s\p{Default_Ignorable_Code_Point}]+$/gu;

const invalidCharacter = (what: LocalisedText): NormalisedText => ({
  ok: false,
  code: 'text.invalid_character',
  message: { zh: `文本含有不允许的字符（${what.zh}）`, en: `The text contains a character that is not allowed (${what.en})` },
  what,
});

/**
 * NFC, outer whitespace and invisible characters trimmed, refused when it holds a lone surrogate,
 * a control character (tab and newlines kept in multi-line text) or a bidi control. Text with
 * nothing visible left passes: each caller decides whether blank is allowed (`isBlankText`).
 */
export function normaliseText(raw: string, options: { multiLine?: boolean } = {}): NormalisedText {
  if (loneSurrogate.test(raw)) return invalidCharacter({ zh: '不成对的代理项', en: 'a lone UTF-16 surrogate' });
  const text = (options.multiLine ? raw.replace(/\r\n?/g, '\n') : raw).normalize('NFC').replace(outerInvisible, '');
  if ((options.multiLine ? multiLineControl : singleLineControl).test(text)) {
    return invalidCharacter(
      options.multiLine ? { zh: '控制字符', en: 'a control character' } : { zh: '控制字符或换行', en: 'a control character or line break' },
    );
  }
  if (bidiControl.test(text)) return invalidCharacter({ zh: '文字方向控制符', en: 'a bidirectional control' });
  return { ok: true, text };
}

/** True when nothing visible is left once whitespace and invisible characters are removed. */
export const isBlankText = (text: string) => text.replace(invisible, '') === '';

interface TextOptions {
  max: number;
  multiLine?: boolean;
}

/**
 * The zod issue a refusal becomes; http/schema-problems.ts turns `params.code` into the problem's
 * code and names the field in its message, with `detail` (the limit, the character refused).
 */
const refuse = (ctx: z.RefinementCtx, code: TextRefusalCode, message: LocalisedText, detail: { limit?: number; what?: LocalisedText } = {}) => {
  ctx.addIssue({ code: 'custom', message: message.en, params: { code, message, ...detail } });
  return z.NEVER;
};

/** The normalised text, undefined when nothing visible is left, or a zod issue. */
function checkText({ max, multiLine }: TextOptions, raw: string, ctx: z.RefinementCtx): string | undefined {
  const result = normaliseText(raw, { multiLine });
  if (!result.ok) return refuse(ctx, result.code, result.message, { what: result.what });
  if (isBlankText(result.text)) return undefined;
  // Counted in code points: a CJK extension character or a lone emoji is one, but an emoji sequence
  // (a skin tone, a flag, a family) is two or more, where submission/probes/text.ts counts graphemes.
  if ([...result.text].length > max) return refuse(ctx, 'text.too_long', { zh: `最多 ${max} 个字符`, en: `At most ${max} characters` }, { limit: max });
  return result.text;
}

/** Raw input far beyond any field's length is refused before normalising it. */
const rawLimit = (max: number) => z.string().max(max * 4 + 64);

/** Free text (`normaliseText`) of at most `max` characters; empty or invisible-only is refused as `text.empty`. */
export const requiredText = (options: TextOptions) =>
  rawLimit(options.max).transform((raw, ctx) => checkText(options, raw, ctx) ?? refuse(ctx, 'text.empty', { zh: '不能为空', en: 'Must not be empty' }));

/** Like `requiredText`, but an empty or invisible-only value becomes `undefined`. */
export const optionalText = (options: TextOptions) =>
  rawLimit(options.max)
    .transform((raw, ctx) => checkText(options, raw, ctx))
    .optional();

/** Like `requiredText`, but an empty or invisible-only value becomes `''` (a field being cleared). */
export const clearableText = (options: TextOptions) => rawLimit(options.max).transform((raw, ctx) => checkText(options, raw, ctx) ?? '');

/**
 * Where the first string (or key) that no database can store is, anywhere in a request or a
 * parsed document: a NUL or a lone surrogate. Returns its path, or undefined. Ids, codes and
 * passwords are not free text but reach queries all the same, so this screen runs on every request
 * before its schema.
 */
export function findUnstorableText(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return isUnstorable(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const childPath = [...path, Array.isArray(value) ? Number(key) : key];
    const found = isUnstorable(key) ? childPath : findUnstorableText(child, childPath);
    if (found !== undefined) return found;
  }
  return undefined;
}

const isUnstorable = (text: string) => text.includes('\u0000') || loneSurrogate.test(text);

/** OpenCC's traditional → mainland simplified table, built on first use (~40 ms). */
let toSimplified: ((text: string) => string) | undefined;

/**
 * The form two texts are compared in when a rule asks "is this the same work / the same employer":
 * NFKC (full-width and compatibility forms folded), traditional characters as simplified, lower
 * case, and no whitespace, invisible characters or quotes and title marks. `醫療保障局`,
 * `医疗 保障局` and `医疗保障局\u200b` are one name; 《社保卡》 and 社保卡 one title.
 */
export function comparableText(text: string): string {
  toSimplified ??= OpenCC.Converter({ from: 't', to: 'cn' });
  const folded = text
    .normalize('NFKC')
    .replace(invisible, '')
    .replace(/[《》〈〉「」『』“”‘’"'`]/gu, '');
  return toSimplified(folded).toLowerCase();
}
