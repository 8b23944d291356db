import type { Kysely } from 'kysely';
import { divisionIdOf, divisionsOf } from '../contest/divisions.ts';
import type { Account } from '../platform/auth/service.ts';
import { requireAccount } from '../platform/auth/policy.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database, RegistrationRow } from '../platform/db-types.ts';
import { forbidden } from '../platform/errors.ts';
import { isPhaseOpen } from '../contest/views.ts';
import { getContest } from '../contest/service.ts';
import { getScheduledContest, withSchedules } from '../schedule/service.ts';
import { canSeeRegistration, viewerCan, viewerRoleOf, visibleZones } from './policy.ts';
import { presentRegistration } from './presenter.ts';
import * as queries from './queries.ts';
import { formatRef } from './reference.ts';
import { getRegistration } from './service.ts';

/**
 * Presents rows with their members and contests, loading each contest once, as scheduled (an
 * extension or early close moves what the viewer may do, as it moves what the services accept);
 * `revealed` only after an audited reveal.
 */
const presentRows = async (db: Kysely<Database>, rows: RegistrationRow[], account: Account | null, clock: Clock, revealed = false) => {
  const members = await queries.membersOf(
    db,
    rows.map((r) => r.id),
  );
  const stored = await Promise.all([...new Set(rows.map((r) => r.contest_id))].map((id) => getContest(db, id)));
  const contests = new Map((await withSchedules(db, stored)).map((contest) => [contest.definition.id, contest]));
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
 * division and by zone over what the account may see. Without a search, how many match is summed
 * from the same counts: one index-only scan serves both.
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
  const tableFilters = { ...where, zoneIds };
  const search = q ? await searchFor(db, contestId, q) : undefined;
  const rows = await queries.registrationTablePage(db, contestId, { filters: tableFilters, search, sort, order, offset, limit });
  const groups = await queries.registrationCounts(db, contestId, zones === 'all' ? undefined : zones);
  const sum = (match: (row: (typeof groups)[number]) => boolean) => groups.filter(match).reduce((total, row) => total + Number(row.count), 0);
  const active = (match: (row: (typeof groups)[number]) => boolean) => sum((row) => row.status === 'active' && match(row));
  const divisions = divisionsOf(contest.definition.tracks);
  return {
    registrations: await presentRows(db, rows, account, clock),
    matched: search ? await queries.countSearchMatches(db, contestId, tableFilters, search) : sum((row) => inFilters(row, tableFilters)),
    counts: {
      total: active(() => true),
      withdrawn: sum((row) => row.status === 'withdrawn'),
      byDivision: divisions.map((d) => ({
        divisionId: d.id,
        name: d.name,
        count: active((r) => divisionIdOf(r.track_id, r.group_id ?? r.category_id) === d.id),
      })),
      byZone: contest.definition.zones.map((z) => ({ zoneId: z.id, name: z.name, count: active((r) => r.zone_id === z.id) })),
    },
  };
}

/** The references a search may mean: the whole reference in any case, or a number alone with the contest's code. */
const searchFor = async (db: Kysely<Database>, contestId: string, q: string): Promise<queries.RegistrationSearch> => {
  const prefix = /^\d+$/.test(q) ? await queries.refPrefixOf(db, contestId) : undefined;
  return { q, refs: [q.toUpperCase(), ...(prefix ? [formatRef(prefix, Number(q))] : [])] };
};

/** Whether a group of the counts lies within the table's filters: what `filtered` asks in SQL, asked of a count's keys. */
export const inFilters = (
  row: { status: string; track_id: string; group_id: string | null; category_id: string | null; zone_id: string | null },
  filters: queries.RegistrationFilters,
) =>
  (!filters.trackId || row.track_id === filters.trackId) &&
  (!filters.groupId || row.group_id === filters.groupId) &&
  (!filters.categoryId || row.category_id === filters.categoryId) &&
  (!filters.zoneIds || (row.zone_id !== null && filters.zoneIds.includes(row.zone_id))) &&
  (!filters.status || row.status === filters.status);
