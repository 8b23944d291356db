import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import type { Database, RegistrationRow } from '../../platform/db-types.ts';
import { describeOnDatabases } from '../../../test/support/test-database.ts';
import { seeds } from '../../../test/support/test-fixtures.ts';
import { importVoteCounts, preliminaryOf000, scoredByOneJudge, socialPreview, voteCountsAsImported } from '../../../test/support/vote-count-fixtures.ts';

/**
 * Where a round's vote counts come from: Leitai's counted tallies once it has taken a vote in the
 * phase, else the organiser's import. Votes and tallies are written directly (ingest is voting's).
 */

const contestId = seeds['000'].id;

/** 000's preliminary with its two teams scored 80 and 90 by one judge (judges 50%, votes 50%), and the organiser signed in then. */
async function setUp(db: Kysely<Database>) {
  const preliminary = await preliminaryOf000(db);
  return { ...preliminary, organiser: await scoredByOneJudge(preliminary) };
}

type Standing = 'counted' | 'held' | 'rejected';

let voters = 0;

/** One voter's votes in 000's public vote, with the tallies a group commit would leave. */
async function castVotes(db: Kysely<Database>, votes: { entry: RegistrationRow; status: Standing }[]) {
  const voterId = randomUUID();
  const at = new Date('2025-09-13T02:00:00Z');
  await db
    .insertInto('voters')
    .values({ id: voterId, phone: `1390000${String((voters += 1)).padStart(4, '0')}`, created_at: at, verified_at: at })
    .execute();
  await db
    .insertInto('votes')
    .values(
      votes.map(({ entry, status }) => ({
        id: randomUUID(),
        contest_id: contestId,
        phase_id: 'public-vote',
        registration_id: entry.id,
        division_id: 'app-dev/social',
        voter_id: voterId,
        idempotency_key: randomUUID(),
        cast_at: at,
        address: '203.0.113.7',
        subnet: '203.0.113.0/24',
        status,
        hold_reasons: JSON.stringify([]),
      })),
    )
    .execute();
  for (const entry of new Set(votes.map((v) => v.entry))) {
    const of = (status: Standing) => votes.filter((v) => v.entry === entry && v.status === status).length;
    await db
      .insertInto('vote_tallies')
      .values({ contest_id: contestId, phase_id: 'public-vote', registration_id: entry.id, counted: of('counted'), held: of('held') })
      .onConflict((c) =>
        c.columns(['contest_id', 'phase_id', 'registration_id']).doUpdateSet((eb) => ({
          counted: eb('vote_tallies.counted', '+', eb.ref('excluded.counted')),
          held: eb('vote_tallies.held', '+', eb.ref('excluded.held')),
        })),
      )
      .execute();
  }
}

/** Each entry of the previewed ranking as [id, votes, vote score, score, rank]. */
const socialOf = async (server: Awaited<ReturnType<typeof setUp>>['server'], organiser: { cookie: string }) =>
  (await socialPreview(server, organiser)).map((e) => [e.id, e.votes, e.voteScore, e.score, e.rank]);

describeOnDatabases('where the results read a public vote’s counts', (database) => {
  it('reads the imported counts until Leitai takes a vote in the phase, then only its counted votes', async () => {
    const { server, organiser, a, b } = await setUp(database.db);
    await importVoteCounts(server, organiser, [
      { ref: a.ref, count: 1 },
      { ref: b.ref, count: 1000 },
    ]);
    // 作品2: 50% × 90 + 50% × 100 = 95; 作品1: 50% × 80 + 50% × (1 ÷ 1000 × 100) = 40.05.
    expect(await socialOf(server, organiser)).toEqual([
      [b.id, 1000, 100, 95, 1],
      [a.id, 1, 0.1, 40.05, 2],
    ]);
    await castVotes(database.db, [
      { entry: a, status: 'counted' },
      { entry: a, status: 'counted' },
      { entry: a, status: 'counted' },
      { entry: a, status: 'held' },
      { entry: b, status: 'counted' },
      { entry: b, status: 'rejected' },
    ]);
    await castVotes(database.db, [
      { entry: a, status: 'counted' },
      { entry: b, status: 'held' },
      { entry: b, status: 'held' },
    ]);
    // The import is set aside: 作品1 has 4 counted votes, 作品2 1 (held and rejected ones never count).
    // 作品1: 50% × 80 + 50% × 100 = 90; 作品2: 50% × 90 + 50% × (1 ÷ 4 × 100) = 57.5.
    expect(await socialOf(server, organiser)).toEqual([
      [a.id, 4, 100, 90, 1],
      [b.id, 1, 25, 57.5, 2],
    ]);
  });

  it('refuses an import once Leitai has taken a vote in the phase, even a held one, and keeps the counts as they were', async () => {
    const { server, organiser, a } = await setUp(database.db);
    await importVoteCounts(server, organiser, [{ ref: a.ref, count: 5 }]);
    await castVotes(database.db, [{ entry: a, status: 'held' }]);
    const refused = await importVoteCounts(server, organiser, [{ ref: a.ref, count: 50 }]);
    expect([refused.statusCode, refused.json().error.code, refused.json().error.message]).toEqual([
      409,
      'vote_counts.phase_run_here',
      {
        zh: '「网上大众投票」在擂台投票，以擂台计票为准，不能导入票数',
        en: '"Online public vote" is voted on in Leitai: its counts are Leitai\'s, and none can be imported',
      },
    ]);
    expect((await voteCountsAsImported(server, organiser)).counts.map((c: { count: number }) => c.count)).toEqual([5]);
    const imports = await database.db
      .selectFrom('audit_events')
      .select('seq')
      .where('contest_id', '=', contestId)
      .where('type', '=', 'votes.imported')
      .execute();
    expect(imports.length).toBe(1);
  });
});
