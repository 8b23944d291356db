import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
import { reviewRoundSchema, type ContestDefinition } from '../../contest/schema/index.ts';
import { AppError } from '../../platform/errors.ts';
import { computeResults } from './compute.ts';

/** What the engine refuses or leaves out, and why it says so. */
describe('computeResults: what it cannot use', () => {
  const definition = seedDefinition('003');
  const full = { innovation: 80, 'practical-value': 80, 'growth-potential': 80, 'social-benefit': 80, 'prototype-usability': 80, 'written-presentation': 80 };

  it('refuses a round the definition does not have', () => {
    const run = () => computeResults(definition, 'semifinal', { entries: [], scores: [], votes: [] });
    expect(run).toThrow(AppError);
    expect(run).toThrow(expect.objectContaining({ code: 'results.round_unknown' }));
  });

  it('reports unknown entries, criteria, missing criteria, a score with both a total and criteria, a repeated score', () => {
    const results = computeResults(definition, 'workshop', {
      entries: [
        { id: 't1', division: 'hackathon' },
        { id: 't1', division: 'hackathon' },
        { id: 'x', division: 'nowhere' },
      ],
      scores: [
        { judge: 'j1', entry: 't1', criteria: full },
        { judge: 'j1', entry: 't1', total: 50 },
        { judge: 'j2', entry: 't1', criteria: { ...full, charm: 5 } },
        { judge: 'j3', entry: 't1', criteria: { innovation: 80 } },
        { judge: 'j4', entry: 't1', criteria: full, total: 80 },
        { judge: 'j5', entry: 'ghost', total: 50 },
      ],
      votes: [{ entry: 'ghost', count: 3 }],
    });
    expect(results.problems.map((p) => p.code)).toEqual([
      'entry.duplicate',
      'entry.division_not_ranked',
      'vote.unknown_entry',
      'score.duplicate',
      'score.unknown_criterion',
      'score.missing_criterion',
      'score.shape',
      'score.unknown_entry',
    ]);
    expect(results.divisions[0].entries).toMatchObject([{ id: 't1', score: 80, judges: 1 }]);
    for (const p of results.problems) expect(p.message.zh.length * p.message.en.length).toBeGreaterThan(0);
  });

  it('takes a total given directly on the rubric’s range', () => {
    const results = computeResults(definition, 'workshop', {
      entries: [{ id: 't1', division: 'hackathon' }],
      scores: [
        { judge: 'j1', entry: 't1', total: 70 },
        { judge: 'j2', entry: 't1', criteria: full },
      ],
      votes: [],
    });
    expect(results.divisions[0].entries[0]).toMatchObject({ score: 75, judges: 2 });
  });
});

describe('the round settings the engine reads', () => {
  it('maps votes against the highest of the whole round with relativeTo: round-max', () => {
    const seed = seedDefinition('000');
    const roundMax: ContestDefinition = {
      ...seed,
      review: { ...seed.review, rounds: seed.review.rounds.map((r) => ({ ...r, publicVoteScore: { relativeTo: 'round-max' as const, scale: 10 } })) },
    };
    const input = {
      entries: [
        { id: 'a', division: 'publicity' },
        { id: 'b', division: 'case-selection' },
      ],
      scores: [
        { judge: 'j', entry: 'a', total: 60 },
        { judge: 'j', entry: 'b', total: 60 },
      ],
      votes: [
        { entry: 'a', count: 400 },
        { entry: 'b', count: 100 },
      ],
    };
    const voteScores = (definition: ContestDefinition) =>
      computeResults(definition, 'preliminary', input).divisions.flatMap((d) => d.entries.map((e) => [e.id, e.voteScore, e.score]));
    // division-max: each is its division's best, 100; round-max on a scale of 10: 400 → 10, 100 → 2.5.
    expect(voteScores(seed)).toEqual([
      ['a', 100, 80],
      ['b', 100, 80],
    ]);
    expect(voteScores(roundMax)).toEqual([
      ['a', 10, 35],
      ['b', 2.5, 31.25],
    ]);
  });

  it('refuses a scale beside a rubric, and a scale that does not run upwards', () => {
    const round = { id: 'r', name: 'r', phase: 'p', rubric: [{ id: 'c', name: 'c', weight: 100 }] };
    expect(reviewRoundSchema.safeParse({ ...round, scale: { min: 0, max: 10 } }).success).toBe(false);
    expect(reviewRoundSchema.safeParse({ ...round, rubric: [{ id: 'c', name: 'c', weight: 100, scale: { min: 5, max: 5 } }] }).success).toBe(false);
    expect(reviewRoundSchema.parse(round)).toMatchObject({ combine: 'mean', tieBreak: [], publicVoteScore: { relativeTo: 'division-max', scale: 100 } });
  });
});
