/**
 * Who may do what, as small predicates over an account and its roles. Features check these
 * before any read or write; nothing else inspects roles.
 */
import { unauthenticated } from '../errors.ts';
import type { Account, AccountRole } from './service.ts';

const holds = (account: Account | null, role: AccountRole['role'], contestId: string) =>
  (account?.roles ?? []).filter((r) => r.role === role && (r.contestId === null || r.contestId === contestId));

/** The signed-in account, or auth.required (401). */
export function requireAccount(account: Account | null): Account {
  if (!account) throw unauthenticated();
  return account;
}

/** An organiser of this contest, or of every contest (the platform's demo organiser). */
export const isOrganiserOf = (account: Account | null, contestId: string): boolean => holds(account, 'organiser', contestId).length > 0;

/** The zones (赛区) this account coordinates in the contest; empty when none. */
export const coordinatorZonesOf = (account: Account | null, contestId: string): string[] =>
  holds(account, 'coordinator', contestId).flatMap((r) => (r.zoneId === null ? [] : [r.zoneId]));

/** Coordinates this zone, or any zone of the contest when no zone is given. */
export const isCoordinatorOf = (account: Account | null, contestId: string, zoneId?: string): boolean => {
  const zones = coordinatorZonesOf(account, contestId);
  return zoneId === undefined ? zones.length > 0 : zones.includes(zoneId);
};

/** Organisers see every zone; coordinators see their own. */
export const canSeeZone = (account: Account | null, contestId: string, zoneId: string): boolean =>
  isOrganiserOf(account, contestId) || isCoordinatorOf(account, contestId, zoneId);

export const isJudgeOf = (account: Account | null, contestId: string): boolean => holds(account, 'judge', contestId).length > 0;
