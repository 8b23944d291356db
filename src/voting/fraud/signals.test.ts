import { describe, expect, it } from 'vitest';
import type { SignalVote } from './detector.ts';
import { createVoteSignals } from './signals.ts';

const start = Date.parse('2025-09-12T12:00:00+08:00');
const seconds = (n: number) => n * 1000;

/** The n-th vote: its own voter, number, home address and device unless told otherwise. */
const vote = (n: number, extra: Partial<SignalVote> = {}): SignalVote => ({
  id: `v${n}`,
  contestId: 'c',
  phaseId: 'public-vote',
  registrationId: 'target',
  voterId: `voter${n}`,
  phone: `139${String(10_000_000 + n * 7_919).padStart(8, '0')}`,
  address: `36.${n % 200}.${Math.floor(n / 200)}.9`,
  subnet: `36.${n % 200}.${Math.floor(n / 200)}.0/24`,
  device: `phone-model-${n}`,
  castAt: new Date(start + seconds(n * 10)),
  ...extra,
});

const signalsOf = (votes: SignalVote[]) => {
  const signals = createVoteSignals();
  return votes.map((v) => signals.assess(v).map((reason) => reason.signal));
};

describe('the ingest signals', () => {
  it('hold a burst of fresh numbers on one entry once 15 have come within 10 minutes, 8 of them on virtual ranges', () => {
    const votes = Array.from({ length: 16 }, (_, n) => vote(n, n % 2 === 0 ? { phone: `170${String(20_000_000 + n * 104_729).padStart(8, '0')}` } : {}));
    const held = signalsOf(votes);
    expect(held.slice(0, 14)).toEqual(Array.from({ length: 14 }, () => []));
    expect(held.slice(14)).toEqual([['burst'], ['burst']]);
  });

  it('count a viral surge: 300 fresh numbers in 10 minutes from the ranges everyone holds', () => {
    const votes = Array.from({ length: 300 }, (_, n) => vote(n, { castAt: new Date(start + seconds(n * 2)) }));
    expect(signalsOf(votes).flat()).toEqual([]);
  });

  it('do not count a voter first seen two days ago as fresh', () => {
    const signals = createVoteSignals();
    const virtual = (n: number) => `171${String(30_000_000 + n * 104_729).padStart(8, '0')}`;
    for (let n = 0; n < 20; n += 1) signals.assess(vote(n, { phone: virtual(n), registrationId: 'earlier', castAt: new Date(start - 48 * 3_600_000) }));
    const later = Array.from({ length: 20 }, (_, n) => signals.assess(vote(n, { phone: virtual(n) })));
    expect(later.flat()).toEqual([]);
  });

  it('take a voter as old as the number’s first proof when ingest says it: proven two days before, no burst', () => {
    const proven = new Date(start - 48 * 3_600_000);
    const votes = Array.from({ length: 16 }, (_, n) => vote(n, { phone: `170${String(20_000_000 + n * 104_729).padStart(8, '0')}`, voterSince: proven }));
    expect(signalsOf(votes).flat()).toEqual([]);
  });

  it('hold many numbers from one address on a few phones, once 20 voters have come on at most 4 devices', () => {
    const votes = Array.from({ length: 21 }, (_, n) => vote(n, { address: '58.20.1.7', subnet: '58.20.1.0/24', device: `farm-phone-${n % 4}` }));
    const held = signalsOf(votes);
    expect(held.slice(0, 19).flat()).toEqual([]);
    expect(held.slice(19)).toEqual([
      ['shared-address', 'shared-subnet'],
      ['shared-address', 'shared-subnet'],
    ]);
  });

  it('count a class of 45 voting from its campus NAT within minutes, each on their own phone', () => {
    const votes = Array.from({ length: 45 }, (_, n) => vote(n, { address: `58.20.1.${1 + (n % 2)}`, subnet: '58.20.1.0/24', device: `phone-model-${n % 30}` }));
    expect(signalsOf(votes).flat()).toEqual([]);
  });

  it('hold one device signature behind 25 addresses when its votes go to one entry far above everyone else’s share', () => {
    const background = Array.from({ length: 200 }, (_, n) => vote(1000 + n, { registrationId: `entry-${n % 20}`, castAt: new Date(start + seconds(n)) }));
    const farm = Array.from({ length: 26 }, (_, n) => vote(n, { device: 'emulator-7', castAt: new Date(start + seconds(300 + n * 60)) }));
    const held = signalsOf([...background, ...farm]);
    expect(held.slice(0, 224).flat()).toEqual([]);
    expect(held.slice(224)).toEqual([['shared-device'], ['shared-device']]);
  });

  it('hold numbers close together on one entry once five lie within 300 of each other', () => {
    const votes = Array.from({ length: 6 }, (_, n) =>
      vote(n, { phone: `1391234${String(5000 + n * 37).padStart(4, '0')}`, castAt: new Date(start + n * 1_800_000) }),
    );
    const held = signalsOf(votes);
    expect(held).toEqual([[], [], [], [], ['number-block'], ['number-block']]);
  });

  it('hold 12 voters on one entry within half an hour at 03:00, and count them at 21:00', () => {
    const at = (hour: number, n: number) => new Date(Date.parse(`2025-09-13T${hour}:00:00+08:00`) + seconds(n * 60));
    const night = signalsOf(Array.from({ length: 12 }, (_, n) => vote(n, { castAt: at(3, n) })));
    expect(night.slice(0, 11).flat()).toEqual([]);
    expect(night[11]).toEqual(['odd-hours']);
    expect(signalsOf(Array.from({ length: 12 }, (_, n) => vote(n, { castAt: at(21, n) }))).flat()).toEqual([]);
  });

  it('name, in hindsight, the votes of a group that came before it fired, each once', () => {
    const signals = createVoteSignals();
    const votes = Array.from({ length: 6 }, (_, n) => vote(n, { phone: `1391234${String(5000 + n * 37).padStart(4, '0')}` }));
    const firings = votes.map((v) => signals.observe(v));
    expect(firings.map((found) => found.map((firing) => firing.voteIds))).toEqual([[], [], [], [], [['v0', 'v1', 'v2', 'v3', 'v4']], [['v5']]]);
    expect(firings[4][0].reason.detail).toEqual({
      zh: '6 小时内有 5 个相近的号码（相差不到 300）投给该作品',
      en: '5 numbers less than 300 apart voted for this entry within 6 h',
    });
  });

  it('keep vote phases apart: the same voters in another phase start from nothing', () => {
    const signals = createVoteSignals();
    const block = (n: number, phaseId: string) => vote(n, { phaseId, phone: `1391234${String(5000 + n * 37).padStart(4, '0')}` });
    const held = [0, 1, 2, 3, 4].map((n) => signals.assess(block(n, n < 3 ? 'first' : 'second')));
    expect(held.flat()).toEqual([]);
  });
});
