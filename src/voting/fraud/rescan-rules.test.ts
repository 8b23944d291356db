import { describe, expect, it } from 'vitest';
import type { SignalVote } from './detector.ts';
import { suspectVotes } from './rescan-rules.ts';

const day0 = Date.parse('2025-09-12T00:00:00+08:00');
const minute = 60_000;
const at = (day: number, minuteOfDay: number) => new Date(day0 + day * 1440 * minute + minuteOfDay * minute);

let count = 0;
/** A vote of an honest-looking voter: own number (far from the others), home address and phone model. */
const vote = (voter: number, entry: string, castAt: Date): SignalVote => {
  count += 1;
  return {
    id: `v${count}`,
    contestId: 'c',
    phaseId: 'public-vote',
    registrationId: entry,
    voterId: `voter${voter}`,
    phone: `13${String(100_000_000 + voter * 7_919_3).padStart(9, '0')}`,
    address: `36.${voter % 250}.${Math.floor(voter / 250)}.9`,
    subnet: `36.${voter % 250}.${Math.floor(voter / 250)}.0/24`,
    device: `model-${voter % 50}`,
    castAt,
  };
};

const inTimeOrder = (votes: SignalVote[]) => votes.sort((a, b) => a.castAt.getTime() - b.castAt.getTime());

/** 1,500 voters, each voting for one or two of 40 entries on one day at waking hours. */
const background = () =>
  Array.from({ length: 1500 }, (_, v) => {
    const when = at(v % 4, 8 * 60 + ((v * 37) % (14 * 60)));
    return [vote(1000 + v, `entry-${v % 40}`, when), ...(v % 3 === 0 ? [vote(1000 + v, `entry-${(v * 7) % 40}`, new Date(when.getTime() + 30_000))] : [])];
  }).flat();

const signalsOf = (reasons: Map<string, { signal: string }[]>, votes: SignalVote[]) => [
  ...new Set(votes.flatMap((v) => reasons.get(v.id)?.map((r) => r.signal) ?? [])),
];

describe('the rescan', () => {
  it('holds a lockstep ring: ten voters voting for the same three entries within minutes, on two days', () => {
    const ring = [0, 1].flatMap((day) =>
      Array.from({ length: 10 }, (_, member) => ['ring-a', 'ring-b', 'ring-c'].map((entry, i) => vote(member, entry, at(day, 20 * 60 + member + i)))).flat(),
    );
    const ownVotes = Array.from({ length: 10 }, (_, member) => vote(member, 'entry-1', at(3, 9 * 60 + member * 50)));
    const honest = background();
    const reasons = suspectVotes(inTimeOrder([...honest, ...ring, ...ownVotes]), 'Asia/Shanghai');
    expect(ring.every((v) => reasons.get(v.id)?.some((r) => r.signal === 'lockstep'))).toBe(true);
    expect(signalsOf(reasons, [...honest, ...ownVotes])).toEqual([]);
    expect(reasons.get(ring[0].id)![0].detail.en).toBe(
      '10 voters voted for the same entries (3 in all) within 10 min of each other, again and again over 2 days',
    );
  });

  it('does not link voters who voted for the same three entries in the same minutes on one day only', () => {
    const once = Array.from({ length: 10 }, (_, member) => ['a', 'b', 'c'].map((entry, i) => vote(member, entry, at(0, 20 * 60 + member + i)))).flat();
    expect(signalsOf(suspectVotes(inTimeOrder([...background(), ...once]), 'Asia/Shanghai'), once)).toEqual([]);
  });

  it('holds a spray farm: 30 accounts voting for the target and for six of 20 decoys each, the decoys too', () => {
    const farm = Array.from({ length: 30 }, (_, account) => [
      vote(account, 'target', at(account % 3, 9 * 60 + account * 20)),
      ...[0, 1, 2, 3, 4, 5].map((k) => vote(account, `entry-${20 + ((account * 6 + k) % 20)}`, at(account % 3, 9 * 60 + account * 20 + k + 1))),
    ]).flat();
    const honest = background();
    const reasons = suspectVotes(inTimeOrder([...honest, ...farm]), 'Asia/Shanghai');
    expect(farm.every((v) => reasons.get(v.id)?.some((r) => r.signal === 'spray'))).toBe(true);
    expect(signalsOf(reasons, honest)).toEqual([]);
  });

  it('holds a slow farm: 40 accounts voting for the target at their own minute of the day, round the clock, on three days', () => {
    const farm = Array.from({ length: 40 }, (_, account) => [0, 1, 2].map((day) => vote(account, 'target', at(day, account * 36 + day)))).flat();
    const habits = Array.from({ length: 12 }, (_, voter) => [0, 1, 2].map((day) => vote(500 + voter, 'habit', at(day, 19 * 60 + voter * 10 + day)))).flat();
    const honest = background();
    const reasons = suspectVotes(inTimeOrder([...honest, ...farm, ...habits]), 'Asia/Shanghai');
    expect(farm.every((v) => reasons.get(v.id)?.some((r) => r.signal === 'slow'))).toBe(true);
    expect(signalsOf(reasons, [...honest, ...habits])).toEqual([]);
  });

  it('holds the votes of a group that came before the ingest signal fired', () => {
    const block = Array.from({ length: 5 }, (_, n) => ({ ...vote(n, 'target', at(0, 10 * 60 + n * 30)), phone: `1391234${5000 + n * 40}` }));
    const reasons = suspectVotes(inTimeOrder([...background(), ...block]), 'Asia/Shanghai');
    expect(block.map((v) => reasons.get(v.id)?.map((r) => r.signal))).toEqual(Array.from({ length: 5 }, () => ['number-block']));
  });
});
