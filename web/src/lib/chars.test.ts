import { describe, expect, it } from 'vitest';
import { countCharacters } from './chars.ts';

describe('countCharacters (字 as the server counts them)', () => {
  it('counts each 汉字 and each full-width punctuation mark as one', () => {
    expect(countCharacters('医保电子凭证，方便又快捷！')).toBe(13);
    expect(countCharacters('“漾泉医保”')).toBe(6);
  });

  it('does not count white space at the ends, full-width space and line breaks included', () => {
    expect(countCharacters('  喜迎二十大\n')).toBe(5);
    expect(countCharacters('\u3000医保与你行\u3000')).toBe(5);
    expect(countCharacters('   ')).toBe(0);
  });

  it('counts white space inside the text', () => {
    expect(countCharacters('医保 与你行')).toBe(6);
    expect(countCharacters('e voucher')).toBe(9);
  });

  it('counts an emoji with its modifiers and a letter with its accent as one', () => {
    expect(countCharacters('👍🏽')).toBe(1);
    expect(countCharacters('👨‍👩‍👧')).toBe(1);
    expect(countCharacters('e\u0301')).toBe(1);
  });
});
