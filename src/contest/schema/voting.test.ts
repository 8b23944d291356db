import { describe, expect, it } from 'vitest';
import { parseDefinition } from '../load.ts';

/** A contest whose round `prelim` counts the public vote of phase `vote`, with `voting` as given. */
const contest = (voting: string, extra = '') =>
  [
    'id: x',
    'name: 测试',
    'format: works-call',
    'organisers: [{ role: host, name: 某 }]',
    'tracks: [{ id: a, name: A }, { id: b, name: B }]',
    'phases:',
    '  - { id: registration, kind: registration, name: 报名, start: 2025-05-01, end: 2025-05-31 }',
    '  - { id: prelim, kind: preliminary, name: 初赛, start: 2025-06-01, end: 2025-06-10 }',
    '  - { id: vote, kind: public-vote, name: 大众投票, start: 2025-06-01, end: 2025-06-10 }',
    'review:',
    '  rounds:',
    '    - { id: prelim, name: 初赛, phase: prelim, weights: { judges: 50, publicVote: 50 }, publicVotePhase: vote }',
    voting,
    extra,
  ].join('\n');

const errorsOf = (source: string) => {
  const result = parseDefinition(source, 'v.yaml');
  return result.ok ? [] : result.errors.map((e) => `${e.line} ${e.path}: ${e.message}`);
};

describe('the voting rules of a definition', () => {
  it('reads a vote’s limits and when its counts are shown, and no vote where none is written', () => {
    const result = parseDefinition(contest('voting:\n  - { phase: vote, limits: { perDay: 5, perEntryPerDay: 1 }, showCounts: live }'));
    expect(result.ok && result.definition.voting).toEqual([{ phase: 'vote', limits: { perDay: 5, perEntryPerDay: 1 }, showCounts: 'live' }]);
    const none = parseDefinition(contest(''));
    expect(none.ok && none.definition.voting).toEqual([]);
  });

  it('refuses a vote with no limit, or without saying when its counts are shown', () => {
    expect(errorsOf(contest('voting:\n  - { phase: vote, limits: {}, showCounts: live }'))).toEqual([
      '14 voting[0].limits: a vote needs a limit: perDay, perEntryPerDay, perEntry, perDivision or total',
    ]);
    expect(errorsOf(contest('voting:\n  - { phase: vote, limits: { total: 3 }, showCounts: sometimes }'))).toEqual([
      '14 voting[0].showCounts: Invalid option: expected one of "live"|"after-review"|"hidden"',
    ]);
  });

  it('refuses a narrower limit above a broader one, which would never apply', () => {
    expect(errorsOf(contest('voting:\n  - phase: vote\n    limits: { perDay: 2, perEntryPerDay: 3, perDivision: 5, total: 4 }\n    showCounts: live'))).toEqual(
      [
        '15 voting[0].limits.perEntryPerDay: perEntryPerDay (3) is more than perDay (2), so it never applies',
        '15 voting[0].limits.perDivision: perDivision (5) is more than total (4), so it never applies',
      ],
    );
  });

  it('refuses a vote in a phase the contest lacks, in a phase that is not a public vote, or twice in one phase', () => {
    const vote = (phase: string) => `  - { phase: ${phase}, limits: { perDay: 1 }, showCounts: live }`;
    expect(errorsOf(contest(['voting:', vote('nowhere'), vote('prelim'), vote('vote'), vote('vote')].join('\n')))).toEqual([
      '14 voting: more than one vote in phase vote',
      '14 voting[0].phase: unknown phase nowhere',
      '15 voting[1].phase: phase prelim is preliminary, not public-vote',
      "15 voting[1].phase: no review round counts the votes of prelim: name it in that round's publicVotePhase",
    ]);
  });

  it('refuses an award decided by the public vote when the last round reads no vote, as 001’s final reads its 网络投票', () => {
    const award = 'awards:\n  groups:\n    - divisions: each\n      tiers: [{ id: popular, name: 人气奖, count: 1, decidedBy: public-vote }]';
    const prelim = '    - { id: prelim, name: 初赛, phase: prelim, weights: { judges: 50, publicVote: 50 }, publicVotePhase: vote }';
    const endingWith = (last: string) => contest('', award).replace(prelim, `${prelim}\n    - ${last}`);
    expect(errorsOf(endingWith('{ id: final, name: 决赛, phase: prelim }'))).toEqual([
      '18 awards.groups[0].tiers[0].decidedBy: decided by the public vote, but the last review round (final) names no publicVotePhase',
    ]);
    expect(errorsOf(endingWith('{ id: final, name: 决赛, phase: prelim, publicVotePhase: vote }'))).toEqual([]);
  });

  it('refuses a vote that no review round counts', () => {
    const uncounted = contest('voting:\n  - { phase: vote, limits: { perDay: 1 }, showCounts: live }').replace(
      ', weights: { judges: 50, publicVote: 50 }, publicVotePhase: vote',
      '',
    );
    expect(errorsOf(uncounted)).toEqual(["14 voting[0].phase: no review round counts the votes of vote: name it in that round's publicVotePhase"]);
  });
});
