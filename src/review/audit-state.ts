/**
 * What the audit log vouches for of review: judges, submitted scores and round publications. Their
 * events (judge.invited, judge.joined, judge.updated, judge.removed; score.submitted, score.reopened;
 * round.results_published) record the keyed digest of the row the change left (src/audit/rows.ts),
 * and `audit verify` digests the current rows the same way, so a cap, a score or a frozen ranking
 * changed in the database alone is caught. Keyed: judges' rows hold their phones and ID numbers.
 *
 * A score is vouched for only while it is submitted. A draft is the judge's working state, saved on
 * every keystroke without an event, so no digest could keep up with it: reopening records the
 * submitted score as gone (null), and drafts are never read back. A submitted score turned into a
 * draft in the database is therefore reported as deleted, one made submitted there as unrecorded.
 */
import type { Kysely } from 'kysely';
import { keyedDigest } from '../audit/key.ts';
import type { StateSource } from '../audit/service.ts';
import type { Database } from '../platform/db-types.ts';
import * as judgeQueries from './judges/queries.ts';
import type { JudgeRow } from './judges/queries.ts';
import * as publishingQueries from './publishing/queries.ts';
import type { RoundPublicationRow } from './publishing/queries.ts';
import { resultsSha256 } from './publishing/rules.ts';
import * as scoringQueries from './scoring/queries.ts';
import type { ScoreRow } from './scoring/queries.ts';

type State = Record<string, string | null>;

const judgeSubject = (judgeId: string) => `judge:${judgeId}`;
const scoreSubject = (roundId: string, registrationId: string, judgeId: string) => `score:${roundId}:${registrationId}:${judgeId}`;
const publicationSubject = (roundId: string, version: number) => `publication:${roundId}:${version}`;

/** Every column the judges' events record (contact details in full, where the events mask them); not the times of change. */
const judgeDigest = (row: JudgeRow) =>
  keyedDigest('review.judge', {
    contestId: row.contest_id,
    accountId: row.account_id,
    name: row.name,
    title: row.title,
    organisation: row.organisation,
    employer: row.employer,
    school: row.school,
    expertise: row.expertise,
    contact: [row.email, row.phone, row.id_number],
    rounds: row.rounds,
    covers: row.covers,
    cap: row.cap,
    status: row.status,
  });

/** The values the judge submitted, with the comment (kept out of the event: free text may name people); not saved_at, which autosave moves. */
const scoreDigest = (row: ScoreRow) =>
  keyedDigest('review.score', {
    contestId: row.contest_id,
    roundId: row.round_id,
    registrationId: row.registration_id,
    judgeId: row.judge_id,
    criteria: row.criteria,
    total: row.total,
    comment: row.comment,
    status: row.status,
    definitionVersion: row.definition_version,
    submittedAt: row.submitted_at?.toISOString() ?? null,
  });

/**
 * The stored hash and the hash of the results as they are now: a ranking rewritten in the database
 * differs from the log even when its stored hash is left as it was, or rewritten to match.
 */
const publicationDigest = (row: RoundPublicationRow) =>
  keyedDigest('review.publication', {
    contestId: row.contest_id,
    roundId: row.round_id,
    version: row.version,
    sha256: row.sha256,
    resultsSha256: resultsSha256(row.results),
    definitionVersion: row.definition_version,
    reason: row.reason,
    publishedBy: row.published_by,
    publishedAt: row.published_at.toISOString(),
  });

/** The `state` of a judge event, from the row as the change left it. */
export const judgeStateOf = (row: JudgeRow): State => ({ [judgeSubject(row.id)]: judgeDigest(row) });

/** The `state` of score.submitted: the submitted row. */
export const submittedScoreStateOf = (row: ScoreRow): State => ({
  [scoreSubject(row.round_id, row.registration_id, row.judge_id)]: scoreDigest(row),
});

/** The `state` of score.reopened: the submitted score is no more; the draft it became is not vouched for. */
export const reopenedScoreState = (roundId: string, registrationId: string, judgeId: string): State => ({
  [scoreSubject(roundId, registrationId, judgeId)]: null,
});

/** The `state` of round.results_published: the publication as inserted (its results as the database gives them back). */
export const publicationStateOf = (row: RoundPublicationRow): State => ({ [publicationSubject(row.round_id, row.version)]: publicationDigest(row) });

const PAGE = 1000;

async function* submittedScoreRows(db: Kysely<Database>, contestId: string) {
  let after: scoringQueries.ScoreKey | undefined;
  for (;;) {
    const page = await scoringQueries.submittedScoresPage(db, contestId, after, PAGE);
    for (const row of page) {
      yield {
        subject: scoreSubject(row.round_id, row.registration_id, row.judge_id),
        label: `score of ${row.ref} by ${row.judge_name} in ${row.round_id}`,
        digest: scoreDigest(row),
      };
    }
    if (page.length < PAGE) return;
    const last = page[page.length - 1];
    after = [last.round_id, last.registration_id, last.judge_id];
  }
}

export const reviewStates: StateSource = {
  kinds: ['judge', 'score', 'publication'],
  // Every score has its judge, so the contests with judges or publications are all there are.
  chains: async (db) => [...(await judgeQueries.contestsWithJudges(db)), ...(await publishingQueries.contestsWithPublications(db))],
  async *rows(db, contestId) {
    for (const row of await judgeQueries.judgesOf(db, contestId)) yield { subject: judgeSubject(row.id), label: `judge ${row.name}`, digest: judgeDigest(row) };
    yield* submittedScoreRows(db, contestId);
    for (const row of await publishingQueries.publicationsOfContest(db, contestId)) {
      yield { subject: publicationSubject(row.round_id, row.version), label: `publication ${row.round_id} v${row.version}`, digest: publicationDigest(row) };
    }
  },
};
