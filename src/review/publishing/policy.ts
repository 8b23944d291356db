import { isOrganiserOf } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';

/** The contest's organisers preview and publish a round's results, import vote counts and read every publication. */
export const canPublishResults = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);
