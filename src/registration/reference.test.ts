import { describe, expect, it } from 'vitest';
import { formatRef, refPrefixBase, refPrefixCandidates } from './reference.ts';

describe('the contest code before a registration reference', () => {
  it('is the initials of the contest id (four at most) and the last two digits of its year', () => {
    expect(
      [
        'jjj-social-security-card-2025',
        'hebei-smart-government-data-2022',
        'yangquan-medical-e-voucher-works-2022',
        'hebei-data-elements-2025',
        'jjj-social-security-card-2025-2026',
      ].map(refPrefixBase),
    ).toEqual(['JSSC25', 'HSGD22', 'YMEV22', 'HDE25', 'JSSC26']);
  });

  it('has no year when the id has none, and is C when the id has no letters', () => {
    expect([refPrefixBase('demo-contest'), refPrefixBase('2025')]).toEqual(['DC', 'C25']);
  });

  it('offers the code with a letter after it for when another contest holds it', () => {
    expect(refPrefixCandidates('hebei-data-elements-2025').slice(0, 3)).toEqual(['HDE25', 'HDE25B', 'HDE25C']);
  });

  it('puts the contest code before the four-digit number', () => {
    expect([formatRef('JSSC25', 4), formatRef('HDE25B', 12345)]).toEqual(['JSSC25-0004', 'HDE25B-12345']);
  });
});
