import { coordinatorZonesOf, isOrganiserOf } from '../platform/auth/policy.ts';
import type { Account } from '../platform/auth/service.ts';
import type { RegistrationMemberRow, RegistrationRow } from '../platform/db-types.ts';

/** The leader's account, or an organiser of the contest, may change a registration. */
export const canChangeRegistration = (account: Account | null, row: RegistrationRow) =>
  Boolean(account) && (row.owner_account_id === account!.id || isOrganiserOf(account, row.contest_id));

/** Its people, the organisers, and the coordinator of its zone may see a registration. */
export const canSeeRegistration = (account: Account | null, row: RegistrationRow, members: RegistrationMemberRow[]) =>
  canChangeRegistration(account, row) ||
  (account !== null && members.some((m) => m.account_id === account.id)) ||
  (row.zone_id !== null && coordinatorZonesOf(account, row.contest_id).includes(row.zone_id));

/** Only an organiser reveals an entry's people in full, giving a reason that is audited (PIPL minimisation). */
export const canRevealRegistration = (account: Account | null, row: RegistrationRow) => isOrganiserOf(account, row.contest_id);

/** Which registrations of a contest the account may list: all, those of some zones, or none. */
export const visibleZones = (account: Account | null, contestId: string): 'all' | string[] | 'none' => {
  if (isOrganiserOf(account, contestId)) return 'all';
  const zones = coordinatorZonesOf(account, contestId);
  return zones.length > 0 ? zones : 'none';
};

export type ViewerRole = 'leader' | 'member' | 'advisor' | 'organiser' | 'coordinator';

/**
 * How the reading account stands to the registration, most powerful first: an organiser who is also
 * on the team reads it as organiser. Null for an account that may not see it (never presented).
 */
export const viewerRoleOf = (account: Account | null, row: RegistrationRow, members: RegistrationMemberRow[]): ViewerRole | null => {
  if (!account) return null;
  if (isOrganiserOf(account, row.contest_id)) return 'organiser';
  if (row.owner_account_id === account.id) return 'leader';
  const own = members.find((m) => m.account_id === account.id);
  if (own) return own.role === 'advisor' ? 'advisor' : own.role === 'leader' ? 'leader' : 'member';
  return row.zone_id !== null && coordinatorZonesOf(account, row.contest_id).includes(row.zone_id) ? 'coordinator' : null;
};

/**
 * What the viewer may do to the registration now, so that pages offer only buttons that work: the
 * same predicates and windows the services check (edit and invite while registration is open,
 * withdraw and upload while the entry is active; the submission window is the works page's to say).
 */
export const viewerCan = (account: Account | null, row: RegistrationRow, registrationOpen: boolean) => {
  const changes = row.status === 'active' && canChangeRegistration(account, row);
  return {
    edit: changes && registrationOpen,
    invite: changes && registrationOpen,
    withdraw: changes,
    upload: changes,
    reveal: canRevealRegistration(account, row),
  };
};
