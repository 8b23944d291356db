import type { Kysely } from 'kysely';
import { divisionIdOf, divisionsOf } from '../contest/divisions.ts';
import type { Account } from '../platform/auth/service.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database, RegistrationRow } from '../platform/db-types.ts';
import { forbidden } from '../platform/errors.ts';
import { isPhaseOpen } from '../contest/views.ts';
import { findContest } from '../contest/service.ts';
import { getScheduledContest } from '../schedule/service.ts';
import { canSeeRegistration, viewerCan, viewerRoleOf, visibleZones } from './policy.ts';
import { presentRegistration } from './presenter.ts';
import * as queries from './queries.ts';
import { getRegistration } from './service.ts';

/** Presents rows with their members and contests, loading each contest once; `revealed` only after an audited reveal. */
const presentRows = async (db: Kysely<Database>, rows: RegistrationRow[], account: Account | null, clock: Clock, revealed = false) => {
  const members = await queries.membersOf(
    db,
    rows.map((r) => r.id),
  );
  const contests = new Map<string, Awaited<ReturnType<typeof findContest>>>();
  for (const id of new Set(rows.map((r) => r.contest_id))) contests.set(id, await findContest(db, id));
  return rows.map((row) => {
    const contest = contests.get(row.contest_id)!;
    const own = members.filter((m) => m.registration_id === row.id);
    const can = viewerCan(account, row, isPhaseOpen(contest.definition, 'registration', clock.now()));
    return presentRegistration(row, own, contest.definition, {
      editable: can.edit,
      viewerRole: viewerRoleOf(account, row, own),
      can,
      viewerId: account?.id ?? null,
      revealed,
    });
  });
};

export async function myRegistrations(db: Kysely<Database>, account: Account | null, clock: Clock) {
  const me = requireAccount(account);
  return presentRows(db, await queries.registrationsOfAccount(db, me.id), me, clock);
}

export async function showRegistration(db: Kysely<Database>, id: string, account: Account | null, clock: Clock, options: { revealed?: boolean } = {}) {
  const row = await getRegistration(db, id);
  const members = await queries.membersOf(db, [id]);
  if (!canSeeRegistration(account, row, members)) throw account ? forbidden('registration.forbidden') : requireAccount(null);
  return (await presentRows(db, [row], account, clock, options.revealed))[0];
}

export interface ContestRegistrationFilters {
  trackId?: string;
  groupId?: string;
  categoryId?: string;
  zoneId?: string;
  status?: 'active' | 'withdrawn';
  q?: string;
  sort?: 'created' | 'ref' | 'title';
  order?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

/**
 * The organiser's table: one page of the contest's registrations (or a coordinator's own zones),
 * filtered, searched and sorted in SQL, with how many match and counts of active entries by
 * division and by zone over what the account may see.
 */
export async function contestRegistrations(
  db: Kysely<Database>,
  contestId: string,
  filters: ContestRegistrationFilters,
  account: Account | null,
  clock: Clock,
) {
  requireAccount(account);
  const contest = await getScheduledContest(db, contestId);
  const zones = visibleZones(account, contestId);
  if (zones === 'none') throw forbidden('registration.list_forbidden');
  const zoneIds = zones === 'all' ? (filters.zoneId ? [filters.zoneId] : undefined) : filters.zoneId ? zones.filter((z) => z === filters.zoneId) : zones;
  const { q, sort = 'ref', order = 'asc', offset = 0, limit = 100, zoneId: _zone, ...where } = filters;
  const page = await queries.registrationTablePage(db, contestId, { filters: { ...where, zoneIds }, q: q || undefined, sort, order, offset, limit });
  const counts = await queries.activeRegistrationCounts(db, contestId, zones === 'all' ? undefined : zones);
  const sum = (match: (row: (typeof counts)[number]) => boolean) => counts.filter(match).reduce((total, row) => total + Number(row.count), 0);
  const divisions = divisionsOf(contest.definition.tracks);
  return {
    registrations: await presentRows(db, page.rows, account, clock),
    matched: page.matched,
    counts: {
      total: sum(() => true),
      byDivision: divisions.map((d) => ({ divisionId: d.id, name: d.name, count: sum((r) => divisionIdOf(r.track_id, r.group_id ?? r.category_id) === d.id) })),
      byZone: contest.definition.zones.map((z) => ({ zoneId: z.id, name: z.name, count: sum((r) => r.zone_id === z.id) })),
    },
  };
}
