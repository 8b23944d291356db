import { describe, expect, it } from 'vitest';
import type { SignalVote } from './detector.ts';
import { columnsOf, inTimeOrder, StreamBuilder, transferListOf, votesOf, type StreamColumns } from './stream-columns.ts';

const vote = (n: number, change: Partial<SignalVote> = {}): SignalVote => ({
  id: `vote-${n}`,
  contestId: 'c',
  phaseId: 'public-vote',
  registrationId: `entry-${n % 3}`,
  voterId: `voter-${n % 5}`,
  phone: `1380000000${n % 5}`,
  address: `36.1.2.${n % 4}`,
  subnet: '36.1.2.0/24',
  device: n % 2 === 0 ? 'model-a' : '',
  castAt: new Date(Date.UTC(2025, 8, 13) + n * 1000),
  ...change,
});

describe('a phase stream in columns', () => {
  it('gives back each vote as it was, each repeated value kept once in the order of its first vote', () => {
    const votes = Array.from({ length: 12 }, (_, n) => vote(n, n % 2 === 0 ? { voterSince: new Date(Date.UTC(2025, 8, 1, 0, 0, n)) } : {}));
    const columns = columnsOf(votes);
    const { voteAt, idOf } = votesOf(columns);
    expect(Array.from({ length: columns.length }, (_, i) => voteAt(i))).toEqual(votes);
    expect(idOf(11)).toBe('vote-11');
    expect(columns.interned.registrationId.values).toEqual(['entry-0', 'entry-1', 'entry-2']);
    expect(columns.interned.device.values).toEqual(['model-a', '']);
    expect([...columns.interned.voterId.codes]).toEqual([0, 1, 2, 3, 4, 0, 1, 2, 3, 4, 0, 1]);
  });

  it('grows past the votes it expected, ids of any length and script, and hands over one buffer a column', () => {
    const builder = new StreamBuilder('c', 'public-vote', 2);
    const votes = Array.from({ length: 50 }, (_, n) => vote(n, { id: `${'票'.repeat(n % 7)}v${n}` }));
    for (const v of votes) builder.add({ ...v, castMs: v.castAt.getTime(), voterSinceMs: null });
    const columns = builder.columns();
    const { voteAt } = votesOf(columns);
    expect(Array.from({ length: 50 }, (_, i) => voteAt(i))).toEqual(votes);
    const buffers = transferListOf(columns);
    expect(new Set(buffers).size).toBe(buffers.length);
  });

  it('puts a stream read entry by entry in time order, ties by id, its values numbered again in the order of their first vote', () => {
    const votes = Array.from({ length: 12 }, (_, n) => vote(n, { castAt: new Date(Date.UTC(2025, 8, 13) + Math.floor(n / 2) * 1000) }));
    const byEntry = [...votes].sort((a, b) => a.registrationId.localeCompare(b.registrationId) || b.id.localeCompare(a.id));
    const read = columnsOf(byEntry);
    const sorted = inTimeOrder(read);
    const inOrder = columnsOf([...votes].sort((a, b) => a.castAt.getTime() - b.castAt.getTime() || (a.id < b.id ? -1 : 1)));
    const votesIn = (columns: StreamColumns) => Array.from({ length: columns.length }, (_, i) => votesOf(columns).voteAt(i));
    expect(votesIn(sorted)).toEqual(votesIn(inOrder));
    expect(sorted.interned).toEqual(inOrder.interned);
    expect(votesIn(read)).toEqual(byEntry);
  });

  it('holds nothing for an empty stream', () => {
    const columns = inTimeOrder(columnsOf([]));
    expect([columns.length, columns.idBytes.length, columns.interned.voterId.values]).toEqual([0, 0, []]);
  });
});
