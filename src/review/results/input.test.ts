import { describe, expect, it } from 'vitest';
import { parseResultsInput } from './input.ts';

const refusal = (text: string, round?: string) => {
  try {
    parseResultsInput(text, round);
  } catch (error) {
    return error as { code: string; localised: { zh: string; en: string } };
  }
  throw new Error('accepted');
};

describe('reading the engine’s input file', () => {
  it('reads entries, scores and votes, with the round from the file or --round', () => {
    const text = JSON.stringify({ round: 'final', entries: [{ id: 'a', division: 'd' }], scores: [{ judge: 'j', entry: 'a', total: 5 }] });
    expect(parseResultsInput(text)).toEqual({
      round: 'final',
      input: { entries: [{ id: 'a', division: 'd' }], scores: [{ judge: 'j', entry: 'a', total: 5 }], votes: [] },
    });
    expect(parseResultsInput(JSON.stringify({ entries: [] }), 'final').round).toBe('final');
  });

  it('refuses text that is not JSON, a wrong shape, a negative vote count, a round named twice or not at all', () => {
    expect(refusal('{').code).toBe('results.input_not_json');
    expect(refusal(JSON.stringify({ round: 'r', entries: [{ id: 1 }] })).code).toBe('results.input_invalid');
    expect(refusal(JSON.stringify({ round: 'r', entries: [], votes: [{ entry: 'a', count: -1 }] })).code).toBe('results.input_invalid');
    expect(refusal(JSON.stringify({ round: 'r', entries: [], score: [] })).code).toBe('results.input_invalid');
    expect(refusal(JSON.stringify({ round: 'r', entries: [] }), 'other').code).toBe('results.round_conflict');
    expect(refusal(JSON.stringify({ entries: [] })).code).toBe('results.round_missing');
    expect(refusal('{').localised.zh).toContain('JSON');
  });
});
