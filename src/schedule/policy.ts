import { isOrganiserOf } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';

/** Only the contest's organisers move its schedule: windows and review rounds. */
export const canManageSchedule = (account: Account | null, contestId: string) => isOrganiserOf(account, contestId);
