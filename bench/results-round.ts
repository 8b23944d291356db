/**
 * Seed 000's preliminary as stored in a database: `entries` registrations over its four divisions,
 * `judges` judges, 5 assigned judges and their submitted scores per entry and an imported vote count per entry, written by
 * INSERT … SELECT generate_series (seconds for 100,000 entries, where the services would take minutes):
 * the round that bench:results reads back through the review service.
 */
import { sql, type Kysely } from 'kysely';
import { publishContest } from '../src/contest/service.ts';
import { createAccount } from '../src/platform/auth/service.ts';
import type { Clock } from '../src/platform/clock.ts';
import type { Database } from '../src/platform/db-types.ts';
import type { ContestDefinition } from '../src/contest/schema/index.ts';

export interface StoredRoundSizes {
  entries: number;
  judges: number;
  scoresPerEntry: number;
}

/** [track, group] of each of 000's divisions, in turn. */
const divisions = [
  ['publicity', null],
  ['app-dev', 'campus'],
  ['app-dev', 'social'],
  ['case-selection', null],
] as const;

export async function storeRound(db: Kysely<Database>, definition: ContestDefinition, sourceYaml: string, clock: Clock, sizes: StoredRoundSizes) {
  const contestId = definition.id;
  await publishContest(db, { definition, sourceYaml }, 'system', clock);
  const organiser = await createAccount(db, { email: 'organiser@example.com', password: 'correct horse battery', displayName: '主办方' }, clock, [
    { role: 'organiser', contestId },
  ]);
  const at = clock.now();
  const tracks = sql.raw(`(array[${divisions.map(([track]) => `'${track}'`).join(',')}])`);
  const groups = sql.raw(`(array[${divisions.map(([, group]) => (group ? `'${group}'` : 'null')).join(',')}]::text[])`);
  await sql`
    insert into registrations (id, contest_id, ref, title, entrant_kind, track_id, group_id, category_id, topic_id, zone_id,
                               entrant, owner_account_id, status, created_at, updated_at, definition_version)
    select 'r' || g, ${contestId}, 'JSSC25-' || lpad(g::text, 6, '0'), '作品 ' || g, 'individual',
           ${tracks}[1 + g % 4], ${groups}[1 + g % 4], null, null, null,
           jsonb_build_object('leader', jsonb_build_object('name', '参赛者' || g), 'members', '[]'::jsonb, 'advisors', '[]'::jsonb,
                              'organisations', '[]'::jsonb),
           null, 'active', ${at}, ${at}, 1
    from generate_series(1, ${sizes.entries}) g`.execute(db);
  await sql`
    insert into judges (id, contest_id, account_id, name, expertise, rounds, covers, status, created_by, created_at, updated_at)
    select 'j' || g, ${contestId}, null, '评委' || g, '[]'::jsonb, '[]'::jsonb, '[]'::jsonb, 'active', ${organiser.id}, ${at}, ${at}
    from generate_series(1, ${sizes.judges}) g`.execute(db);
  // The pairs the scores stand on (a score counts only while its judge has the entry), as one hand run.
  await sql`
    insert into assignment_runs (id, contest_id, round_id, kind, status, started_by, started_at, finished_at)
    values ('bench', ${contestId}, 'preliminary', 'hand', 'done', ${organiser.id}, ${at}, ${at})`.execute(db);
  await sql`
    insert into assignments (contest_id, round_id, judge_id, registration_id, added_by_run)
    select ${contestId}, 'preliminary', 'j' || (1 + (g * ${sizes.scoresPerEntry} + k) % ${sizes.judges}), 'r' || g, 'bench'
    from generate_series(1, ${sizes.entries}) g, generate_series(0, ${sizes.scoresPerEntry - 1}) k`.execute(db);
  await sql`
    insert into scores (contest_id, round_id, judge_id, registration_id, criteria, total, status, definition_version, saved_at, submitted_at)
    select ${contestId}, 'preliminary', 'j' || (1 + (g * ${sizes.scoresPerEntry} + k) % ${sizes.judges}), 'r' || g, '{}'::jsonb,
           round((40 + random() * 60)::numeric, 1)::float8, 'submitted', 1, ${at}, ${at}
    from generate_series(1, ${sizes.entries}) g, generate_series(0, ${sizes.scoresPerEntry - 1}) k`.execute(db);
  await sql`
    insert into imported_vote_counts (contest_id, phase_id, registration_id, count, imported_by, imported_at)
    select ${contestId}, 'public-vote', 'r' || g, floor(power(random(), 3) * 20000)::int, ${organiser.id}, ${at}
    from generate_series(1, ${sizes.entries}) g`.execute(db);
  await sql`vacuum analyze`.execute(db);
  return { contestId, organiser };
}
