/**
 * 000's preliminary, which counts the judges 50% and the public vote 50%, for the tests of where its
 * vote counts come from: two teams of 应用开发赛道（社会组） and the organiser signed in on a review
 * server, the counts imported as the organiser, one judge's scores, and the ranking it previews.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../src/platform/db-types.ts';
import { addJudge } from './review-fixtures.ts';
import { assignPairs, registerAll, reviewClock, reviewServer, sessionOf, socialTeams } from './scoring-fixtures.ts';
import { newAccount, publishSeed, seeds } from './test-fixtures.ts';

const contestId = seeds['000'].id;
export const voteCountsPath = `/api/contests/${contestId}/phases/public-vote/vote-counts`;
const preliminary = `/api/contests/${contestId}/rounds/preliminary`;

/** 000 published with two teams, 作品1 (`a`) and 作品2 (`b`), registered; the organiser signed in during registration. */
export async function preliminaryOf000(db: Kysely<Database>) {
  await publishSeed(db, '000');
  const clock = reviewClock('000');
  const entries = await registerAll(db, '000', socialTeams(2), clock);
  const organiserAccount = await newAccount(db, '主办方', [{ role: 'organiser', contestId }]);
  const server = await reviewServer(db, clock);
  const organiser = await sessionOf(db, organiserAccount, clock);
  const [a, b] = entries.map((e) => e.row);
  return { db, clock, server, entries, organiser, organiserAccount, a, b };
}

type Preliminary = Awaited<ReturnType<typeof preliminaryOf000>>;
type Headers = Preliminary['organiser'];

/** Each entry by its reference or its registration id. */
type VoteCount = ({ ref: string } | { registrationId: string }) & { count: number };

export const importVoteCounts = (server: Preliminary['server'], headers: Headers, counts: VoteCount[]) =>
  server.inject({ method: 'PUT', url: voteCountsPath, headers, payload: { counts } });

export const voteCountsAsImported = async (server: Preliminary['server'], headers: Headers) =>
  (await server.inject({ method: 'GET', url: voteCountsPath, headers })).json();

/**
 * One judge submits 80 for 作品1 and 90 for 作品2 once the preliminary is open (the clock moved there);
 * resolves to the organiser signed in again then, the first session having lapsed.
 */
export async function scoredByOneJudge({ db, clock, server, organiserAccount, a, b }: Preliminary): Promise<Headers> {
  const judge = await addJudge(db, contestId, { name: '评委甲' });
  await assignPairs(
    db,
    contestId,
    'preliminary',
    [a, b].map((e) => ({ judgeId: judge.id, registrationId: e.id })),
    organiserAccount,
  );
  clock.set('2025-09-13T10:00:00+08:00');
  const headers = await sessionOf(db, judge.account, clock);
  await server.inject({ method: 'POST', url: `${preliminary}/judging/${a.id}/submit`, headers, payload: { total: 80 } });
  await server.inject({ method: 'POST', url: `${preliminary}/judging/${b.id}/submit`, headers, payload: { total: 90 } });
  return sessionOf(db, organiserAccount, clock);
}

export interface PreviewedEntry {
  id: string;
  votes: number;
  voteScore: number;
  score: number;
  rank: number;
}

/** The preliminary's ranking of 应用开发赛道（社会组） as the organiser previews it. */
export const socialPreview = async (server: Preliminary['server'], organiser: Headers): Promise<PreviewedEntry[]> => {
  const preview = (await server.inject({ method: 'GET', url: `${preliminary}/results/preview`, headers: organiser })).json();
  return preview.results.divisions.find((d: { id: string }) => d.id === 'app-dev/social').entries;
};
