import { describe, expect, it } from 'vitest';
import { codeDigits, isMainlandMobile, normalisePhone } from './phone.ts';

describe('a phone number as typed', () => {
  it('keeps eleven digits and drops spaces, dashes and brackets', () => {
    expect(normalisePhone(' 138 0013-8000 ')).toBe('13800138000');
    expect(normalisePhone('(138)00138000')).toBe('13800138000');
  });

  it('drops the country code in front of a mobile number', () => {
    expect(normalisePhone('+86 138 0013 8000')).toBe('13800138000');
    expect(normalisePhone('008613800138000')).toBe('13800138000');
    expect(normalisePhone('8613800138000')).toBe('13800138000');
  });

  it('reads full-width digits as digits', () => {
    expect(normalisePhone('１３８００１３８０００')).toBe('13800138000');
  });

  it('leaves a number that is not a mobile one as typed, for the check to refuse', () => {
    expect(normalisePhone('+86 10 6552 9988')).toBe('+861065529988');
  });
});

describe('a mainland mobile number', () => {
  it('is eleven digits starting 13 to 19', () => {
    expect(['13800138000', '19912345678', '12800138000', '1380013800', '138001380001', '+8613800138000'].map(isMainlandMobile)).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('a one-time code as typed', () => {
  it('keeps its digits, full-width ones too', () => {
    expect(codeDigits(' 12 34 56 ')).toBe('123456');
    expect(codeDigits('１２３４５６')).toBe('123456');
  });
});
