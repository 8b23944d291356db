import { describe, expect, it } from 'vitest';
import { contactLine } from '../lib/people.ts';
import { isReasonGiven } from './reveal.ts';

describe('revealing an entry’s people', () => {
  it('asks for a reason of at least four characters, spaces not counted', () => {
    expect([isReasonGiven('  核验 '), isReasonGiven('核验身份'), isReasonGiven('pay prize')]).toEqual([false, true, true]);
  });
  it('shows phone, email and ID number on one line, leaving out what a person lacks', () => {
    expect(contactLine({ phone: '139****0002', idNumber: '1101**********2X' })).toBe('139****0002 · 1101**********2X');
    expect(contactLine({})).toBe('');
  });
});
