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
import { canChangeRegistration, canSeeRegistration, visibleZones } from './policy.ts';
import { presentRegistration } from './presenter.ts';
import * as queries from './queries.ts';
import { getRegistration } from './service.ts';

/** Presents rows with their members and contests, loading each contest once; `revealed` only after an audited reveal. */
const presentRows = async (db: Kysely<Database>, rows: RegistrationRow[], account: Account | null, clock: Clock, revealed = false) => {
  const members = await queries.membersOf(db, rows.map((r) => r.id));
  const contests = new Map<string, Awaited<ReturnType<typeof findContest>>>();
  for (const id of new Set(rows.map((r) => r.contest_id))) contests.set(id, await findContest(db, id));
  return rows.map((row) => {
    const contest = contests.get(row.contest_id)!;
    const editable = row.status === 'active' && canChangeRegistration(account, row) && isPhaseOpen(contest.definition, 'registration', clock.now());
    return presentRegistration(row, members.filter((m) => m.registration_id === row.id), contest.definition, { editable, viewerId: account?.id ?? null, revealed });
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
}

/**
 * The organiser's table: every registration of the contest, or a coordinator's own zones, with
 * counts of active entries by division and by zone over what the account may see.
 */
export async function contestRegistrations(db: Kysely<Database>, contestId: string, filters: ContestRegistrationFilters, account: Account | null, clock: Clock) {
  requireAccount(account);
  const contest = await getScheduledContest(db, contestId);
  const zones = visibleZones(account, contestId);
  if (zones === 'none') throw forbidden('registration.list_forbidden');
  const zoneIds = zones === 'all' ? (filters.zoneId ? [filters.zoneId] : undefined) : filters.zoneId ? zones.filter((z) => z === filters.zoneId) : zones;
  const visible = await queries.registrationsOfContest(db, contestId, { zoneIds: zones === 'all' ? undefined : zones });
  const rows = await queries.registrationsOfContest(db, contestId, { ...filters, zoneIds });
  const active = visible.filter((r) => r.status === 'active');
  const divisions = divisionsOf(contest.definition.tracks);
  return {
    registrations: await presentRows(db, rows, account, clock),
    counts: {
      total: active.length,
      byDivision: divisions.map((d) => ({ divisionId: d.id, name: d.name, count: active.filter((r) => divisionIdOf(r.track_id, r.group_id ?? r.category_id) === d.id).length })),
      byZone: contest.definition.zones.map((z) => ({ zoneId: z.id, name: z.name, count: active.filter((r) => r.zone_id === z.id).length })),
    },
  };
}
