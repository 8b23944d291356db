import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { clearableText, findUnstorableText, isBlankText, normaliseText, optionalText, requiredText } from './text.ts';

const refusalOf = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  return (result.error.issues[0] as { params?: { code?: string } }).params?.code ?? result.error.issues[0].code;
};

describe('normaliseText', () => {
  it('composes to NFC, so a decomposed é and a composed é are one text', () => {
    expect(normaliseText('Cafe\u0301')).toEqual({ ok: true, text: 'Caf\u00e9' });
  });

  it('trims outer whitespace, ideographic spaces and zero-width characters but keeps inner ones', () => {
    expect(normaliseText('\u3000\u200b 社保卡 创新\u200b\u00a0\n')).toEqual({ ok: true, text: '社保卡 创新' });
  });

  it('refuses a NUL, a C1 control and DEL anywhere in the text', () => {
    for (const raw of ['a\u0000b', 'a\u0085b', 'a\u007fb', '\u0007']) expect(normaliseText(raw)).toMatchObject({ ok: false, code: 'text.invalid_character' });
  });

  it('refuses a lone high or low surrogate but keeps an emoji made of a surrogate pair', () => {
    expect(normaliseText('a\ud800b')).toMatchObject({ ok: false, code: 'text.invalid_character' });
    expect(normaliseText('\udc00')).toMatchObject({ ok: false, code: 'text.invalid_character' });
    expect(normaliseText('团队😀')).toEqual({ ok: true, text: '团队😀' });
  });

  it('refuses a line break or tab inside single-line text', () => {
    expect(normaliseText('第一行\n第二行')).toMatchObject({ ok: false, code: 'text.invalid_character' });
    expect(normaliseText('a\tb')).toMatchObject({ ok: false, code: 'text.invalid_character' });
  });

  it('keeps line breaks and tabs in multi-line text, with CR LF and lone CR made LF', () => {
    expect(normaliseText('第一行\r\n\t第二行\r第三行', { multiLine: true })).toEqual({ ok: true, text: '第一行\n\t第二行\n第三行' });
    expect(normaliseText('a\u0000b', { multiLine: true })).toMatchObject({ ok: false, code: 'text.invalid_character' });
  });

  it('refuses bidi overrides and isolates that would show the text in another order than stored', () => {
    for (const raw of ['abc\u202Edcba', 'x\u2066y\u2069']) expect(normaliseText(raw)).toMatchObject({ ok: false, code: 'text.invalid_character' });
  });
});

describe('isBlankText', () => {
  it('sees text made only of zero-width, joiner, BOM, soft hyphen and Hangul filler characters as blank', () => {
    expect(isBlankText('\u200b\u200c\u200d\u2060\ufeff\u00ad\u3164 \u3000')).toBe(true);
    expect(isBlankText('\u200b字')).toBe(false);
  });
});

describe('the zod text builders', () => {
  it('requiredText refuses invisible-only text as empty and counts length in code points', () => {
    const title = requiredText({ max: 3 });
    expect(refusalOf(title, '\u200b\u200b')).toBe('text.empty');
    expect(refusalOf(title, '')).toBe('text.empty');
    expect(title.parse(' 𠀀𠀁𠀂 ')).toBe('𠀀𠀁𠀂');
    expect(refusalOf(title, '𠀀𠀁𠀂𠀃')).toBe('text.too_long');
    expect(refusalOf(title, 'a\u0000')).toBe('text.invalid_character');
  });

  it('optionalText makes blank text undefined and still refuses what cannot be stored', () => {
    const school = z.object({ school: optionalText({ max: 10 }) });
    expect(school.parse({ school: ' \u200b ' })).toEqual({ school: undefined });
    expect(school.parse({})).toEqual({});
    expect(refusalOf(school, { school: '\ud83d' })).toBe('text.invalid_character');
  });

  it('clearableText makes blank text the empty string, so a field can be cleared', () => {
    expect(clearableText({ max: 10, multiLine: true }).parse('\u200b')).toBe('');
  });
});

describe('findUnstorableText', () => {
  it('finds the path of a NUL or lone surrogate in any string or key, however deep', () => {
    expect(findUnstorableText({ a: [{ b: 'ok' }, { c: 'x\u0000' }] })).toEqual(['a', 1, 'c']);
    expect(findUnstorableText({ ['k\ud800']: 1 })).toEqual(['k\ud800']);
    expect(findUnstorableText({ a: ['😀', 1, null, true] })).toBeUndefined();
    expect(findUnstorableText('\udfff')).toEqual([]);
  });
});
