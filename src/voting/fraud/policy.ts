import { isOrganiserOf } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';

/** The contest's organisers see the held votes with their reasons, decide them, rescan and read the timeline. */
export const canReviewHeldVotes = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);
