import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { seedDefinition } from '../../../test/support/factories.ts';
import { computeResults } from '../results/compute.ts';
import { entryRounds, publicRanking, resultsSha256, voteCountsDigest } from './rules.ts';

/** 003: one division (hackathon); selection sends 20 on, the online stage 5, the workshop gives three winners. */
const definition = seedDefinition('003');
const teams = ['t1', 't2', 't3', 't4', 't5', 't6'];
const entries = teams.map((id) => ({ id, division: 'hackathon' }));
const byTotals = (round: string, totals: number[]) =>
  computeResults(definition, round, { entries, scores: totals.map((total, i) => ({ judge: 'j1', entry: teams[i], total })), votes: [] });
const selection = byTotals('application-selection', [9, 8, 7, 6, 5, 4]);
const online = byTotals('online-stage', [90, 80, 70, 60, 50, 40]);
const at = (day: number) => new Date(Date.UTC(2021, 9, day));

describe('resultsSha256', () => {
  it('is the SHA-256 of the canonical JSON, whatever order the keys come back in', () => {
    const reverse = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reverse)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reverse(v)]),
            )
          : value;
    const reordered = reverse(online) as typeof online;
    expect(Object.keys(reordered)[0]).not.toBe(Object.keys(online)[0]);
    expect(resultsSha256(reordered)).toBe(resultsSha256(online));
    expect(resultsSha256({ ...online, advancing: 4 })).not.toBe(resultsSha256(online));
  });
});

describe('voteCountsDigest', () => {
  it('digests [registrationId, count] pairs in id order, so the same counts in any order give one digest', () => {
    const counts = [
      { registrationId: 'b', count: 2 },
      { registrationId: 'a', count: 7 },
    ];
    expect(voteCountsDigest(counts)).toBe(createHash('sha256').update('[["a",7],["b",2]]').digest('hex'));
    expect(voteCountsDigest([...counts].reverse())).toBe(voteCountsDigest(counts));
    expect(voteCountsDigest([{ registrationId: 'a', count: 8 }])).not.toBe(voteCountsDigest([{ registrationId: 'a', count: 7 }]));
  });
});

describe('entryRounds: what an entry’s people see', () => {
  const published = [
    { roundId: 'application-selection', results: selection, publishedAt: at(1) },
    { roundId: 'online-stage', results: online, publishedAt: at(2) },
  ];

  it('shows each published round with rank, score and advancement, then the round it goes on to as not yet published', () => {
    expect(entryRounds(definition, published, 't1')).toEqual([
      {
        roundId: 'application-selection',
        name: '申请和选拔',
        nameEn: 'Application selection',
        published: true,
        division: 'hackathon',
        rank: 1,
        tied: false,
        score: 9,
        advances: true,
        awards: [],
        publishedAt: '2021-10-01T00:00:00.000Z',
      },
      expect.objectContaining({ roundId: 'online-stage', rank: 1, score: 90, advances: true, publishedAt: '2021-10-02T00:00:00.000Z' }),
      {
        roundId: 'workshop',
        name: '线下创客坊评审',
        nameEn: 'Workshop review',
        published: false,
        division: null,
        rank: null,
        tied: false,
        score: null,
        advances: false,
        awards: [],
        publishedAt: null,
      },
    ]);
  });

  it('ends with the round an entry did not go on from', () => {
    expect(entryRounds(definition, published, 't6').map((r) => [r.roundId, r.rank, r.advances])).toEqual([
      ['application-selection', 6, true],
      ['online-stage', 6, false],
    ]);
  });

  it('shows only the first round, unpublished, before anything is published', () => {
    expect(entryRounds(definition, [], 't1').map((r) => [r.roundId, r.published])).toEqual([['application-selection', false]]);
  });

  it('names an entry’s awards in the round that decides them', () => {
    const workshop = computeResults(definition, 'workshop', {
      entries: entries.slice(0, 5),
      scores: [95, 85, 75, 65, 55].map((total, i) => ({ judge: 'j1', entry: teams[i], total })),
      votes: [],
    });
    const all = [...published, { roundId: 'workshop', results: workshop, publishedAt: at(11) }];
    expect(entryRounds(definition, all, 't2').at(-1)).toMatchObject({
      roundId: 'workshop',
      rank: 2,
      awards: [{ tier: 'winners', name: '获胜团队（三个最佳应用程序）', prizeCny: 0 }],
    });
    expect(entryRounds(definition, all, 't4').at(-1)).toMatchObject({ roundId: 'workshop', rank: 4, awards: [] });
  });
});

describe('publicRanking', () => {
  it('lists the ranked entries of each division by reference and title, leaving out the unscored and the judges’ parts', () => {
    const partial = computeResults(definition, 'online-stage', {
      entries,
      scores: [
        { judge: 'j1', entry: 't2', total: 70 },
        { judge: 'j1', entry: 't1', total: 80 },
      ],
      votes: [],
    });
    const names = new Map(teams.map((id, i) => [id, { ref: `IDSS21-000${i + 1}`, title: `作品${i + 1}` }]));
    expect(publicRanking(definition, partial, names)).toEqual({
      divisions: [
        {
          id: 'hackathon',
          name: '数字化社会保障',
          entries: [
            { ref: 'IDSS21-0001', title: '作品1', rank: 1, tied: false, score: 80, advances: true, awards: [] },
            { ref: 'IDSS21-0002', title: '作品2', rank: 2, tied: false, score: 70, advances: true, awards: [] },
          ],
        },
      ],
    });
  });
});
