import { describe, expect, it } from 'vitest';
import type { Account } from '../api/types.ts';
import { judgedContests } from './roles.ts';

const account = (roles: { role: string; contestId: string | null }[]) => ({ roles }) as unknown as Account;

describe('the contests an account judges', () => {
  it('are its judge roles’ contests, once each, never another role’s', () => {
    const roles = [
      { role: 'judge', contestId: '001' },
      { role: 'organiser', contestId: '002' },
      { role: 'judge', contestId: '003' },
      { role: 'judge', contestId: '001' },
    ];
    expect(judgedContests(account(roles))).toEqual(['001', '003']);
    expect(judgedContests(null)).toEqual([]);
  });
});
