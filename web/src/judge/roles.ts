import type { Account } from '../api/types.ts';

/** The contests an account judges: its judge roles, each for one contest. */
export const judgedContests = (account: Account | null): string[] => [
  ...new Set((account?.roles ?? []).filter((r) => r.role === 'judge' && r.contestId !== null).map((r) => r.contestId!)),
];
