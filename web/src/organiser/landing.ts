import type { Account } from '../api/types.ts';

/** The contests an account organises or coordinates: every one (a platform organiser), some by id, or none. */
export const managedContests = (account: Account | null): 'all' | string[] => {
  const roles = (account?.roles ?? []).filter((r) => r.role === 'organiser' || r.role === 'coordinator');
  if (roles.some((r) => r.contestId === null)) return 'all';
  return [...new Set(roles.map((r) => r.contestId!))];
};

/**
 * Where signing in lands when nothing asked for a page: an organiser or coordinator of one contest
 * on its registrations, of several (or all) on the list of their contests, a judge on the contests they
 * judge, anyone else on 我的报名.
 */
export const homeOf = (account: Account | null): string => {
  const managed = managedContests(account);
  if (managed === 'all' || managed.length > 1) return '/organiser';
  if (managed.length === 1) return `/organiser/contests/${encodeURIComponent(managed[0])}`;
  return (account?.roles ?? []).some((r) => r.role === 'judge') ? '/judge' : '/me';
};
