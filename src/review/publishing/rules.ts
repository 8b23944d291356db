/**
 * Publishing's pure parts: the digests that go into the audit chain, what a participant sees of
 * their own entry's results, and what the public sees of a published ranking.
 */
import { createHash } from 'node:crypto';
import { divisionsOf } from '../../contest/divisions.ts';
import type { ContestDefinition } from '../../contest/schema/index.ts';
import { canonicalJson } from '../../audit/canonical-json.ts';
import { problem } from '../results/problems.ts';
import type { AwardGiven, ResultProblem, Results } from '../results/types.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Of the results' canonical JSON (RFC 8785): anyone holding the snapshot recomputes it. */
export const resultsSha256 = (results: Results) => sha256(canonicalJson(results));

/** Of the imported counts as [registrationId, count] pairs in id order: the same counts give the same digest. */
export const voteCountsDigest = (counts: readonly { registrationId: string; count: number }[]) =>
  sha256(canonicalJson([...counts].sort((a, b) => (a.registrationId < b.registrationId ? -1 : 1)).map((c) => [c.registrationId, c.count])));

export interface PublishedRound {
  roundId: string;
  results: Results;
  publishedAt: Date;
}

const awardView = (award: AwardGiven) => ({ tier: award.tier, name: award.name, prizeCny: award.prizeCny });

/** Every award of the results, the contest-wide ones (特等奖) with the division's, by entry. */
const awardsByEntry = (results: Results) => {
  const byEntry = new Map<string, AwardGiven[]>();
  for (const award of [...results.contestAwards, ...results.divisions.flatMap((d) => d.awards)]) {
    byEntry.set(award.entry, [...(byEntry.get(award.entry) ?? []), award]);
  }
  return byEntry;
};

/**
 * An entry's results as its people see them: each published round it was ranked in, with its rank,
 * score, whether it goes on and its awards; then the round it is in now, unpublished, when its last
 * published round sent it on (or when nothing of its is published yet and a first round exists).
 */
export const entryRounds = (definition: ContestDefinition, published: readonly PublishedRound[], entryId: string) => {
  const rounds = definition.review.rounds;
  const shown = rounds.flatMap((round) => {
    const publication = published.find((p) => p.roundId === round.id);
    const row = publication?.results.divisions.flatMap((d) => d.entries).find((e) => e.id === entryId);
    if (!publication || !row) return [];
    return [
      {
        roundId: round.id,
        name: round.name,
        nameEn: round.nameEn ?? null,
        published: true,
        division: row.division,
        rank: row.rank,
        tied: row.tied,
        score: row.score,
        advances: row.advances,
        awards: (awardsByEntry(publication.results).get(entryId) ?? []).map(awardView),
        publishedAt: publication.publishedAt.toISOString(),
      },
    ];
  });
  const last = shown.at(-1);
  const next = last ? (last.advances ? rounds[rounds.findIndex((r) => r.id === last.roundId) + 1] : undefined) : rounds[0];
  if (!next || published.some((p) => p.roundId === next.id)) return shown;
  const waiting = {
    roundId: next.id,
    name: next.name,
    nameEn: next.nameEn ?? null,
    published: false,
    division: null,
    rank: null,
    tied: false,
    score: null,
    advances: false,
    awards: [],
    publishedAt: null,
  };
  return [...shown, waiting];
};

export type EntryRoundView = ReturnType<typeof entryRounds>[number];

/**
 * A published ranking as anyone may read it: per division, the ranked entries by reference and
 * title with rank, score, whether they go on and their awards. Unranked entries (no score) and the
 * judges' and votes' parts stay with the organiser.
 */
export const publicRanking = (definition: ContestDefinition, results: Results, names: ReadonlyMap<string, { ref: string; title: string }>) => {
  const divisionNames = new Map(divisionsOf(definition.tracks).map((d) => [d.id, d]));
  const awards = awardsByEntry(results);
  return {
    divisions: results.divisions.map((division) => ({
      id: division.id,
      name: divisionNames.get(division.id)?.name ?? division.id,
      entries: division.entries
        .filter((e) => e.rank !== null)
        .map((e) => ({
          ref: names.get(e.id)?.ref ?? e.id,
          title: names.get(e.id)?.title ?? '',
          rank: e.rank,
          tied: e.tied,
          score: e.score,
          advances: e.advances,
          awards: (awards.get(e.id) ?? []).map(awardView),
        })),
    })),
  };
};

/**
 * Scores left out of the results because their judge no longer has the entry (taken off it after
 * scoring, for a conflict declared later): one problem per judge, naming the entries, so the
 * organiser sees that a score was set aside and why, never a silent gap.
 */
export const scoresWithoutPair = (pairs: readonly { judge: string; entry: string }[]): ResultProblem[] => {
  const byJudge = new Map<string, string[]>();
  for (const { judge, entry } of pairs) byJudge.set(judge, [...(byJudge.get(judge) ?? []), entry]);
  return [...byJudge].map(([judge, entries]) =>
    problem(
      'score.pair_removed',
      {
        zh: `评委 ${judge} 已不再评审 ${entries.join('、')}（如事后申报回避），其评分未计入`,
        en: `${judge} no longer judges ${entries.join(', ')} (e.g. a conflict declared after scoring): ${entries.length === 1 ? 'that score is' : 'those scores are'} left out`,
      },
      { judge, entries },
    ),
  );
};
