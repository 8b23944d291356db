import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
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
