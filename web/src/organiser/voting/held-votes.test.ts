import { describe, expect, it } from 'vitest';
import type { HeldVote } from '../../api/voting.ts';
import { decisionTarget, stillShown, toggled, toggledAll, withoutEmpty } from './held-votes.ts';

const held = (id: string, ...signals: string[]): HeldVote => ({
  id,
  entry: { id: 'r1', ref: 'JJJ-0001', title: '社保卡助手' },
  phone: '138****0001',
  castAt: '2025-09-12T02:00:00.000Z',
  address: '10.0.0.1',
  reasons: signals.map((signal) => ({ signal, detail: { zh: signal, en: signal } })),
});

describe('ticking held votes', () => {
  it('ticks a vote, and unticks it again', () => {
    const once = toggled(new Set(), 'v1');
    expect([...once]).toEqual(['v1']);
    expect([...toggled(once, 'v1')]).toEqual([]);
  });

  it('ticks every vote shown from the header, and unticks them all once all are ticked', () => {
    const votes = [held('v1'), held('v2')];
    expect([...toggledAll(new Set(['v1']), votes)]).toEqual(['v1', 'v2']);
    expect([...toggledAll(new Set(['v1', 'v2']), votes)]).toEqual([]);
    expect([...toggledAll(new Set(), [])]).toEqual([]);
  });

  it('keeps only ticked votes still shown', () => {
    expect([...stillShown(new Set(['v1', 'v9']), [held('v1'), held('v2')])]).toEqual(['v1']);
  });
});

describe('what a decision applies to', () => {
  it('is the ticked votes by id', () => {
    expect(decisionTarget('selected', new Set(['v2', 'v1']), { reason: 'burst' })).toEqual({ voteIds: ['v1', 'v2'] });
  });

  it('is every vote matching the filter, its empty parts left out', () => {
    expect(decisionTarget('matching', new Set(['v1']), { reason: 'burst', entry: '' })).toEqual({ filter: { reason: 'burst' } });
    expect(withoutEmpty({ reason: undefined, entry: 'r1' })).toEqual({ entry: 'r1' });
  });
});
