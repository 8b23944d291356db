import { describe, expect, it } from 'vitest';
import {
  canonicalPerson,
  isValidCreditCode,
  isValidIdNumber,
  isValidMobile,
  maskEmail,
  maskIdNumber,
  maskPerson,
  maskPhone,
  normalisePhone,
} from './identity.ts';

describe('居民身份证号 (GB 11643)', () => {
  it('accepts a number whose check character is right', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('130102200304151232')).toBe(true);
  });
  it('accepts a lowercase x as check character', () => {
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
  });
  it('refuses a number whose check character is wrong', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
  });
  it('refuses a birth date that does not exist', () => {
    // 1949-02-30, check character recomputed so only the date is wrong.
    expect(isValidIdNumber('110105194902300020')).toBe(false);
  });
  it('refuses 15-digit numbers, letters inside and other lengths', () => {
    expect(isValidIdNumber('110105491231002')).toBe(false);
    expect(isValidIdNumber('1101051949123100AX')).toBe(false);
    expect(isValidIdNumber('')).toBe(false);
  });
});

describe('mainland mobile numbers', () => {
  it('accepts 11 digits starting 13 to 19, with +86, spaces or dashes', () => {
    expect(isValidMobile('13912345678')).toBe(true);
    expect(isValidMobile('+86 139-1234-5678')).toBe(true);
    expect(isValidMobile('0086 19912345678')).toBe(true);
  });
  it('refuses landlines, 10 or 12 digits, and prefixes 10 to 12', () => {
    expect(isValidMobile('0311-66908121')).toBe(false);
    expect(isValidMobile('1391234567')).toBe(false);
    expect(isValidMobile('139123456789')).toBe(false);
    expect(isValidMobile('12912345678')).toBe(false);
  });
  it('normalises and masks a number for messages', () => {
    expect(normalisePhone('+86 139-1234-5678')).toBe('13912345678');
    expect(maskPhone('13912345678')).toBe('139****5678');
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes whose check character is right', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode('52130700MJ0000001J')).toBe(true);
    expect(isValidCreditCode('12130700mb1234567w')).toBe(true);
  });
  it('refuses a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });
  it('refuses the letters I, O, Z, S and V, and other lengths', () => {
    expect(isValidCreditCode('91350100M00010OY43')).toBe(false);
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
  });
});

describe('masking and canonical forms (PIPL minimisation)', () => {
  it('masks a phone, an ID number and an email as replies and the audit log show them', () => {
    expect([maskPhone('+86 138-0013-1234'), maskIdNumber('13010220030415123x'), maskEmail('zhang.san@example.com')]).toEqual([
      '138****1234',
      '1301**********3X',
      'z***@example.com',
    ]);
  });
  it('masks only the fields a person has, and keeps the others', () => {
    expect(maskPerson({ name: '张三', phone: '13800131234', school: '南开大学' })).toEqual({ name: '张三', phone: '138****1234', school: '南开大学' });
  });
  it('writes phones without +86, spaces or dashes and ID numbers upper-case without spaces, and leaves masks alone', () => {
    expect(canonicalPerson({ name: '张三', phone: '0086 138-0013-1234', idNumber: ' 1101 0519 4912 3100 2x' })).toEqual({
      name: '张三',
      phone: '13800131234',
      idNumber: '11010519491231002X',
    });
    expect(canonicalPerson({ name: '张三', phone: '138****1234' })).toEqual({ name: '张三', phone: '138****1234' });
  });
});
