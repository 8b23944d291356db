import { isOrganiserOf } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';

/** Only the contest's organisers assign judges to entries: runs, moves, undo, and the board. */
export const canManageAssignment = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);
