import { isOrganiserOf } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';

/** The contest's organisers appoint, edit, remove and publish its judges. */
export const canManageJudges = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);

/** A judge edits their own profile, and only while they serve. */
export const isJudgeSelf = (account: Account | null, judge: { account_id: string | null; status: string }) =>
  account !== null && judge.account_id === account.id && judge.status === 'active';
