import { divisionsOf } from '../../contest/divisions.ts';
import type { ContestDefinition, ReviewRound } from '../../contest/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { decideAwards } from './awards.ts';
import { combineScores, type ScoresByEntry } from './combine.ts';
import { problem } from './problems.ts';
import { comparerOf, contenderOf, cut, rankGroups, type Contender } from './ranking.ts';
import { roundScale, scoreTotal } from './scores.ts';
import type { DivisionResults, NotComputed, RankedEntry, ResultProblem, Results, ResultsInput } from './types.ts';
import { voteScores } from './votes.ts';

export const unknownRound = (definition: ContestDefinition, roundId: string) =>
  new AppError('results.round_unknown', {
    zh: `赛事 ${definition.id} 没有评审轮次 ${roundId}；轮次为 ${definition.review.rounds.map((r) => r.id).join('、') || '（无）'}`,
    en: `Contest ${definition.id} has no review round ${roundId}; its rounds are ${definition.review.rounds.map((r) => r.id).join(', ') || '(none)'}`,
  });

/** The divisions a round ranks, in the definition's order. */
export const roundDivisions = (definition: ContestDefinition, round: ReviewRound): string[] => {
  const all = divisionsOf(definition.tracks).map((d) => d.id);
  return round.divisions === 'each' ? all : all.filter((id) => round.divisions.includes(id));
};

/** The round's entries by id (their division); entries the round cannot rank are reported and left out. */
const admitEntries = (input: ResultsInput, divisions: readonly string[], problems: ResultProblem[]) => {
  const entries = new Map<string, string>();
  for (const { id, division } of input.entries) {
    if (entries.has(id)) {
      problems.push(
        problem('entry.duplicate', { zh: `作品 ${id} 重复出现，只计第一次`, en: `Entry ${id} appears twice; the first counts` }, { entries: [id] }),
      );
    } else if (!divisions.includes(division)) {
      problems.push(
        problem(
          'entry.division_not_ranked',
          { zh: `作品 ${id} 的评比组 ${division} 不在本轮排名之列`, en: `Entry ${id}'s division ${division} is not ranked in this round` },
          { entries: [id], division },
        ),
      );
    } else {
      entries.set(id, division);
    }
  }
  return entries;
};

const admitVotes = (input: ResultsInput, entries: ReadonlyMap<string, string>, problems: ResultProblem[]) => {
  const votes = new Map<string, number>();
  for (const { entry, count } of input.votes) {
    if (!entries.has(entry)) {
      problems.push(
        problem('vote.unknown_entry', { zh: `票数所属作品 ${entry} 不在本轮`, en: `Votes for ${entry}, which is not in this round` }, { entries: [entry] }),
      );
    } else if (votes.has(entry)) {
      problems.push(
        problem(
          'vote.duplicate',
          { zh: `作品 ${entry} 的票数重复，只计第一次`, en: `Votes for ${entry} appear twice; the first counts` },
          { entries: [entry] },
        ),
      );
    } else {
      votes.set(entry, count);
    }
  }
  return votes;
};

const admitScores = (round: ReviewRound, input: ResultsInput, entries: ReadonlyMap<string, string>, problems: ResultProblem[]) => {
  const scale = roundScale(round);
  const counted: ScoresByEntry = new Map();
  for (const score of input.scores) {
    // An entry's first score looks it up among the round's entries; its later ones find its list.
    let scored = counted.get(score.entry);
    if (!scored) {
      if (!entries.has(score.entry)) {
        problems.push(
          problem(
            'score.unknown_entry',
            { zh: `评委 ${score.judge} 评的作品 ${score.entry} 不在本轮`, en: `${score.judge} scored ${score.entry}, which is not in this round` },
            { entries: [score.entry], judge: score.judge },
          ),
        );
        continue;
      }
      scored = { judges: [], totals: [] };
    }
    // A handful of judges per entry: a list is cheaper than a set, and no joined key strings are made.
    if (scored.judges.includes(score.judge)) {
      problems.push(
        problem(
          'score.duplicate',
          { zh: `评委 ${score.judge} 对 ${score.entry} 评分两次，只计第一次`, en: `${score.judge} scored ${score.entry} twice; the first counts` },
          { entries: [score.entry], judge: score.judge },
        ),
      );
      continue;
    }
    const total = scoreTotal(round, scale, score);
    if (typeof total !== 'number') {
      problems.push(total);
      continue;
    }
    if (scored.judges.length === 0) counted.set(score.entry, scored);
    scored.judges.push(score.judge);
    scored.totals.push(total);
  }
  return { scale, counted };
};

/** Six decimals in the output: enough to check by hand, no floating-point tails. */
const shown = (value: number | null) => (value === null ? null : Math.round(value * 1e6) / 1e6);

/**
 * The results of one round, from the definition alone: each score's total (rubric weights), the
 * judges' scores combined (`combine`), votes as a score (`publicVoteScore`), the round score by
 * `weights`, ranking per division with `tieBreak`, advancement (`advance`) and, in the last round,
 * the awards. Pure: the same input gives the same output.
 */
export const computeResults = (definition: ContestDefinition, roundId: string, input: ResultsInput): Results => {
  const round = definition.review.rounds.find((r) => r.id === roundId);
  if (!round) throw unknownRound(definition, roundId);
  const problems: ResultProblem[] = [];
  const divisionIds = roundDivisions(definition, round);
  const entries = admitEntries(input, divisionIds, problems);
  const votes = admitVotes(input, entries, problems);
  const { scale, counted } = admitScores(round, input, entries, problems);
  const judgeScores = combineScores(round.combine, counted, scale, problems);
  const countsVotes = round.weights.publicVote > 0;
  const votesAsScores = countsVotes ? voteScores(round.publicVoteScore, entries, votes) : undefined;

  const rows = new Map<string, RankedEntry>();
  const contenders: Contender[] = [];
  const unscored: string[] = [];
  for (const [id, division] of entries) {
    const judgeScore = judgeScores.get(id) ?? null;
    const voteScore = votesAsScores?.get(id) ?? null;
    const needsJudges = round.weights.judges > 0;
    const score = needsJudges && judgeScore === null ? null : (round.weights.judges * (judgeScore ?? 0) + round.weights.publicVote * (voteScore ?? 0)) / 100;
    rows.set(id, {
      id,
      division,
      score,
      rank: null,
      tied: false,
      advances: false,
      judgeScore,
      voteScore,
      votes: votes.get(id) ?? 0,
      judges: counted.get(id)?.totals.length ?? 0,
    });
    if (score === null) unscored.push(id);
    else contenders.push(contenderOf(id, score, judgeScore, votes.get(id) ?? 0));
  }
  if (unscored.length > 0) {
    problems.push(
      problem(
        'entry.unscored',
        {
          zh: `${unscored.length} 个作品尚无评委评分，未参与排名`,
          en: `${unscored.length} ${unscored.length === 1 ? 'entry has' : 'entries have'} no judge's score and ${unscored.length === 1 ? 'is' : 'are'} not ranked`,
        },
        { entries: unscored },
      ),
    );
  }

  const compare = comparerOf(round.tieBreak);
  const byDivision = new Map<string, Contender[]>(divisionIds.map((id) => [id, []]));
  for (const contender of contenders) byDivision.get(entries.get(contender.id)!)!.push(contender);
  const orders = new Map<string, Contender[][]>();
  for (const [division, list] of byDivision) {
    const groups = rankGroups(list, compare);
    orders.set(division, groups);
    let position = 1;
    for (const group of groups) {
      for (const c of group) {
        const row = rows.get(c.id)!;
        row.rank = position;
        row.tied = group.length > 1;
      }
      position += group.length;
    }
  }

  const isLast = definition.review.rounds.at(-1)?.id === round.id;
  const notComputed: NotComputed[] = [];
  const advancing = advance(round, orders, compare, problems);
  for (const id of advancing) rows.get(id)!.advances = true;
  if (!isLast && !round.advance) notComputed.push({ what: 'advancement', reason: 'count-not-published' });

  const awards = isLast ? decideAwards({ definition, divisionIds, entries, contenders, compare, votes }) : undefined;
  if (awards) {
    problems.push(...awards.problems);
    notComputed.push(...awards.notComputed);
  }
  const rowsOf = new Map<string, RankedEntry[]>(divisionIds.map((id) => [id, []]));
  for (const row of rows.values()) rowsOf.get(row.division)!.push(row);
  const divisions: DivisionResults[] = divisionIds.map((id) => {
    const ranked = rowsOf.get(id)!;
    ranked.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return {
      id,
      entries: ranked.map((row) => ({ ...row, score: shown(row.score), judgeScore: shown(row.judgeScore), voteScore: shown(row.voteScore) })),
      awards: awards?.given.get(id) ?? [],
      vacancies: awards?.vacancies.get(id) ?? [],
    };
  });
  return {
    round: round.id,
    decidesAwards: isLast,
    divisions,
    contestAwards: awards?.given.get('contest') ?? [],
    contestVacancies: awards?.vacancies.get('contest') ?? [],
    advancing: advancing.size,
    notComputed,
    problems,
  };
};

/**
 * Who goes on: the best `perDivision` of each division, then of those (or of all) the best `total`
 * across the round. A tie across the cut is reported and its members wait (not advancing) on a decision.
 */
const advance = (
  round: ReviewRound,
  orders: ReadonlyMap<string, Contender[][]>,
  compare: (a: Contender, b: Contender) => number,
  problems: ResultProblem[],
) => {
  const { perDivision, total } = round.advance ?? {};
  const reportTie = (members: Contender[], division?: string) =>
    problems.push(
      problem(
        'advance.tie',
        {
          zh: `${members.map((m) => m.id).join('、')} 在晋级线上并列，规则无法区分，晋级名额待定`,
          en: `${members.map((m) => m.id).join(', ')} tie at the advancement cut and the rule cannot part them: who goes on is undecided`,
        },
        { entries: members.map((m) => m.id), ...(division ? { division } : {}) },
      ),
    );
  let going: Contender[] = [];
  if (perDivision !== undefined) {
    for (const [division, groups] of orders) {
      const result = cut(groups, Array<true>(perDivision).fill(true));
      going.push(...result.given.keys());
      for (const { members } of result.undecided) reportTie(members, division);
    }
  } else if (total !== undefined) {
    going = [...orders.values()].flat(2);
  }
  if (total !== undefined) {
    const result = cut(rankGroups(going, compare), Array<true>(total).fill(true));
    going = [...result.given.keys()];
    for (const { members } of result.undecided) reportTie(members);
  }
  return new Set(going.map((c) => c.id));
};
