import { describe, expect, it } from 'vitest';
import { cleanText } from './clean-text.ts';

describe('cleanText, for every text a probe takes from a file', () => {
  it('keeps a plain tag as it is, trimmed', () => {
    expect(cleanText('  Huawei ')).toBe('Huawei');
    expect(cleanText('华为 P60')).toBe('华为 P60');
  });

  it('ends the text at its first NUL, as EXIF strings are NUL-terminated and padded', () => {
    expect(cleanText('Canon\0\0\0')).toBe('Canon');
    expect(cleanText('Canon\0garbage')).toBe('Canon');
    expect(cleanText('\0'.repeat(65_000) + 'A')).toBeUndefined();
  });

  it('turns control characters and runs of white space into one space', () => {
    expect(cleanText('a\r\n\tb\u0085c\u007fd\u3000\u3000e')).toBe('a b c d e');
  });

  it('keeps at most the given number of code points, never splitting a surrogate pair', () => {
    expect(cleanText('x'.repeat(65_000), 128)).toBe('x'.repeat(128));
    expect(cleanText('😀'.repeat(10), 3)).toBe('😀😀😀');
    expect(cleanText(' '.repeat(65_000) + 'abc', 2)).toBe('ab');
  });

  it('replaces a lone surrogate, which no UTF-8 can carry', () => {
    expect(cleanText('a\ud800b')).toBe('a\ufffdb');
  });

  it('answers undefined for what is not text or is left empty', () => {
    expect(cleanText(42)).toBeUndefined();
    expect(cleanText(undefined)).toBeUndefined();
    expect(cleanText(' \t\0 ')).toBeUndefined();
  });
});
