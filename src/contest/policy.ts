import { isOrganiserOf } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';

/** Only the contest's organisers make its next edition, and write an edition's own texts. */
export const canCopyContest = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);

/** Only its organisers delete an edition (one nobody has entered: service.ts). */
export const canDeleteEdition = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);
