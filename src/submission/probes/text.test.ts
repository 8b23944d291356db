import { describe, expect, it } from 'vitest';
import { countCharacters } from './text.ts';

describe('countCharacters counts 字 as a Chinese reader does', () => {
  it('counts each 汉字 as one', () => expect(countCharacters('创新大赛')).toBe(4));
  it('counts full-width punctuation like any character', () => expect(countCharacters('你好，世界！')).toBe(6));
  it('does not count whitespace at both ends, full-width spaces and line breaks included', () => expect(countCharacters('　 绿色出行 \n')).toBe(4));
  it('counts spaces inside the text', () => expect(countCharacters('AI 赋能')).toBe(5));
  it('counts an emoji with a skin tone, and a family emoji, as one each', () => expect(countCharacters('赞👍🏽👨‍👩‍👧')).toBe(3));
  it('counts a letter with a combining accent as one', () => expect(countCharacters('e\u0301')).toBe(1));
  it('counts an empty or blank text as zero', () => {
    expect(countCharacters('')).toBe(0);
    expect(countCharacters(' \t　')).toBe(0);
  });
});
