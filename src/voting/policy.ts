import { isOrganiserOf } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';

/** The contest's organisers see every count of its votes at any time, held votes included; the public as the definition says. */
export const canSeeAllCounts = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);
