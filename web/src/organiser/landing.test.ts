import { describe, expect, it } from 'vitest';
import type { Account, Role } from '../api/types.ts';
import { homeOf, managedContests } from './landing.ts';

const account = (...roles: Role[]): Account => ({ id: 'a', email: 'a@example.cn', displayName: 'A', roles });

describe('where signing in lands', () => {
  it('lands a participant, or an account with no roles, on 我的报名', () => {
    expect([homeOf(account()), homeOf(account({ role: 'participant', contestId: 'x', zoneId: null })), homeOf(null)]).toEqual(['/me', '/me', '/me']);
  });

  it('lands a judge on the contests they judge, unless they also run one', () => {
    expect(homeOf(account({ role: 'judge', contestId: 'x', zoneId: null }, { role: 'participant', contestId: null, zoneId: null }))).toBe('/judge');
    expect(homeOf(account({ role: 'judge', contestId: 'x', zoneId: null }, { role: 'organiser', contestId: 'y', zoneId: null }))).toBe('/organiser/contests/y');
  });

  it('lands the organiser or coordinator of one contest on its registrations', () => {
    expect(homeOf(account({ role: 'coordinator', contestId: 'hebei-2025', zoneId: 'zhangjiakou' }))).toBe('/organiser/contests/hebei-2025');
    expect(homeOf(account({ role: 'organiser', contestId: 'x', zoneId: null }, { role: 'coordinator', contestId: 'x', zoneId: 'z' }))).toBe(
      '/organiser/contests/x',
    );
  });

  it('lands a platform organiser, or one of several contests, on the list of their contests', () => {
    expect(homeOf(account({ role: 'organiser', contestId: null, zoneId: null }))).toBe('/organiser');
    expect(homeOf(account({ role: 'organiser', contestId: 'x', zoneId: null }, { role: 'coordinator', contestId: 'y', zoneId: 'z' }))).toBe('/organiser');
    expect(managedContests(account({ role: 'organiser', contestId: 'x', zoneId: null }, { role: 'coordinator', contestId: 'y', zoneId: 'z' }))).toEqual([
      'x',
      'y',
    ]);
  });
});
