import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { expect, it } from 'vitest';
import { publishContestFolder, findContests } from '../contest/service.ts';
import { isPhaseOpen } from '../contest/views.ts';
import { accountByEmail, authenticate, loadAccount } from '../platform/auth/service.ts';
import { fixedClock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { judgesOfContest } from '../review/judges/service.ts';
import { previewResults } from '../review/publishing/service.ts';
import { judgingRound, judgingRounds } from '../review/scoring/service.ts';
import { describeOnDatabases } from '../../test/support/test-database.ts';
import { contestsFolder } from '../../test/support/factories.ts';
import { localStorage } from '../submission/storage.ts';
import { testUploadLimits } from '../../test/support/test-uploads.ts';
import { reviewTeams } from './review-samples.ts';
import { simPool, votingTeams } from './voting-samples.ts';
import { DEMO_JUDGE, DEMO_ORGANISER, prepareDemo } from './service.ts';

const today = fixedClock('2026-11-23T10:00:00+08:00');
const hackathon = 'ilo-digital-social-security-hackathon-2021';
const socialSecurityCard = 'jjj-social-security-card-2025';
/** Its 申请和选拔 runs 2026-11-20 to 12-05: registration opened 85 days before today, a copy of the current edition (2027) named by that day. */
const inReview = 'ilo-digital-social-security-hackathon-2027-20260830';
const round = 'application-selection';

const newWorks = async () => ({
  storage: localStorage(await mkdtemp(join(tmpdir(), 'leitai-demo-'))),
  limits: { ...testUploadLimits, maxBytes: 10 * 1024 * 1024 },
});

/** How many rows each table the demo writes holds: a second start must leave every one as it was. */
const rowCounts = async (db: Kysely<Database>) => {
  const tables = [
    'contests',
    'accounts',
    'registrations',
    'judges',
    'judge_invitations',
    'outbox_messages',
    'assignment_runs',
    'assignments',
    'scores',
    'voters',
    'votes',
    'audit_events',
  ] as const;
  const counts = await Promise.all(
    tables.map(async (table) =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
  return Object.fromEntries(tables.map((table, i) => [table, counts[i]]));
};

describeOnDatabases('the demo that npm start prepares', (database) => {
  it('opens a current edition of every seed, adds sample registrations and works marked as demo, and does it once', async () => {
    const works = await newWorks();
    await publishContestFolder(database.db, contestsFolder, 'system', today);
    const lines: string[] = [];
    await prepareDemo(database.db, today, (line) => lines.push(line), works);

    const contests = await findContests(database.db);
    const seeds = contests.filter((c) => !c.editionOf).map((c) => c.definition.id);
    const current = contests.filter((c) => c.editionOf && seeds.includes(c.editionOf));
    expect(current.map((c) => c.editionOf).sort()).toEqual(seeds.sort());
    expect(current.every((c) => isPhaseOpen(c.definition, 'registration', today.now()))).toBe(true);

    const registrations = await database.db.selectFrom('registrations').select(['contest_id', 'is_demo']).execute();
    // 11 samples, in each seed and in its current edition; 5 teams in the review in progress, 6 in the vote.
    expect(registrations.length).toBe(33);
    expect(registrations.every((r) => r.is_demo)).toBe(true);
    const files = await database.db.selectFrom('submission_files').select(['contest_id', 'accepted', 'file_kind']).execute();
    // One poster in 000 and its current edition, two in 002 and its edition; one for each entry voted on.
    expect(files.length).toBe(10);
    expect(files.every((f) => f.accepted && f.file_kind === 'jpeg')).toBe(true);
    expect(lines).toContain('demo organiser 演示主办方: organiser@leitai.demo / leitai-demo');
    expect(lines).toContain('demo judge 评委: judge@leitai.demo / leitai-demo');

    const before = await rowCounts(database.db);
    await prepareDemo(database.db, today, () => {}, works);
    expect(await rowCounts(database.db)).toEqual(before);
  });

  it('has a review in progress: the demo judge signs in and finds 申请和选拔 open with five assigned teams, one scored and one in draft', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', today);
    await prepareDemo(database.db, today, () => {}, await newWorks());

    const contests = await findContests(database.db);
    const edition = contests.find((c) => c.definition.id === inReview)!;
    const currentOfHackathon = contests.find((c) => c.editionOf === hackathon)!;
    expect([edition.editionOf, edition.isDemo, edition.definition.name]).toEqual([
      currentOfHackathon.definition.id,
      true,
      '2027年“数字化社会保障”创客马拉松（评审演示）',
    ]);
    expect(isPhaseOpen(edition.definition, 'screening', today.now())).toBe(true);

    const { account: judge } = await authenticate(database.db, DEMO_JUDGE.email, DEMO_JUDGE.password, today, { demoAccounts: true });
    const asJudge = { account: judge, clock: today };
    expect((await judgingRounds(database.db, inReview, asJudge)).find((r) => r.id === round)).toMatchObject({ state: 'open', assigned: 5, submitted: 1 });
    const { round: scoring, entries, progress } = await judgingRound(database.db, inReview, round, asJudge);
    expect(scoring.open).toBe(true);
    expect(progress).toEqual({ submitted: 1, total: 5 });
    expect(entries.map((e) => [e.title, e.score?.status ?? null]).sort()).toEqual(
      reviewTeams.map((t, i) => [t.title, ['submitted', 'draft'][i] ?? null]).sort(),
    );

    const organiser = { account: (await loadAccount(database.db, (await accountByEmail(database.db, DEMO_ORGANISER.email))!.id))!, clock: today };
    const { judges } = await judgesOfContest(database.db, inReview, organiser);
    expect(Object.fromEntries(judges.map((j) => [j.name, j.status]))).toEqual({ 演示评委: 'active', 林慧敏: 'invited', 周文博: 'invited' });
    const outbox = await database.db.selectFrom('outbox_messages').select(['recipient_name', 'link']).where('contest_id', '=', inReview).execute();
    expect(outbox.map((m) => m.recipient_name).sort()).toEqual(['周文博', '林慧敏', '演示评委'].sort());
    expect(outbox.every((m) => m.link?.startsWith('http://localhost:3000/judge-invitations/'))).toBe(true);

    // The ranking preview ranks the one entry with a submitted score; a draft never counts.
    const preview = await previewResults(database.db, inReview, round, organiser);
    const ranked = preview.results.divisions.flatMap((d) => d.entries).filter((e) => e.rank !== null);
    expect(ranked.map((e) => [preview.entries[e.id].title, e.rank, e.judges])).toEqual([[reviewTeams[0].title, 1, 1]]);
  });

  it('has a vote in progress: 000 on its third day, honest voters counted, the SIM pool held with its reason, every entry with a poster', async () => {
    await publishContestFolder(database.db, contestsFolder, 'system', today);
    await prepareDemo(database.db, today, () => {}, await newWorks());

    const contests = await findContests(database.db);
    const edition = contests.find((c) => c.isDemo && c.editionOf === contests.find((s) => s.editionOf === socialSecurityCard)!.definition.id)!;
    expect(edition.definition.name).toMatch(/（投票演示）$/);
    expect(isPhaseOpen(edition.definition, 'public-vote', today.now())).toBe(true);
    const contestId = edition.definition.id;

    const votes = await database.db
      .selectFrom('votes')
      .innerJoin('voters', 'voters.id', 'votes.voter_id')
      .select(['votes.status', 'votes.hold_reasons', 'votes.cast_at', 'voters.phone', 'votes.registration_id'])
      .where('votes.contest_id', '=', contestId)
      .execute();
    const pool = votes.filter((v) => simPool.numbers.includes(v.phone));
    const honest = votes.filter((v) => !simPool.numbers.includes(v.phone));
    expect(pool).toHaveLength(simPool.numbers.length);
    expect(pool.every((v) => v.status === 'held' && v.hold_reasons.some((r) => r.signal === 'number-block'))).toBe(true);
    expect(honest.length).toBeGreaterThan(150);
    expect(honest.every((v) => v.status === 'counted')).toBe(true);
    expect(votes.every((v) => v.cast_at < today.now())).toBe(true);
    // Every entry got votes, and each shows its poster.
    expect(new Set(votes.map((v) => v.registration_id)).size).toBe(votingTeams.length);
    const posters = await database.db.selectFrom('submission_files').select('registration_id').where('contest_id', '=', contestId).execute();
    expect(posters).toHaveLength(votingTeams.length);

    // The tallies agree with the rows, and the votes' events count them all.
    const tallies = await database.db.selectFrom('vote_tallies').select(['counted', 'held']).where('contest_id', '=', contestId).execute();
    expect([tallies.reduce((n, t) => n + t.counted, 0), tallies.reduce((n, t) => n + t.held, 0)]).toEqual([honest.length, pool.length]);
  });
});
