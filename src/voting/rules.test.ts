import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefinitionFile } from '../contest/load.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import { windowToIso } from '../contest/time.ts';
import { countsShown, limitsInWords, voteRefusal, votesLeft, votingRulesOf, type CastVote, type VotingRules } from './rules.ts';

const zone = 'Asia/Shanghai';
const at = (local: string) => new Date(`${local}+08:00`);

const loadSeed = async (file: string): Promise<ContestDefinition> => {
  const loaded = await loadDefinitionFile(fileURLToPath(new URL(`../../contests/${file}`, import.meta.url)));
  if (!loaded.ok) throw new Error(`${file} is invalid`);
  return loaded.definition;
};

const rulesOf = (definition: ContestDefinition, phaseId = 'public-vote') => {
  const rules = votingRulesOf(definition, phaseId);
  if (!rules) throw new Error(`no vote in ${phaseId}`);
  return rules;
};

const cast = (registrationId: string, divisionId: string, local: string): CastVote => ({ registrationId, divisionId, castAt: at(local) });

/** The refusal as a client reads it: code, status, message and the rule it names. */
const refused = (error: ReturnType<typeof voteRefusal>) =>
  error && { code: error.code, status: error.status, message: error.localised, rule: error.problems[0]?.rule };

let s000: ContestDefinition;
let s001: ContestDefinition;
let s002: ContestDefinition;
beforeAll(async () => {
  [s000, s001, s002] = await Promise.all([
    loadSeed('000-jjj-social-security-card-2025.yaml'),
    loadSeed('001-hebei-smart-government-data-2022.yaml'),
    loadSeed('002-yangquan-medical-e-voucher-works-2022.yaml'),
  ]);
});

describe('the rules of a vote, from the definition', () => {
  it('gives 000 ten votes a day, one a day per work, on every entry of the preliminary in its four divisions, counts hidden', () => {
    const rules = rulesOf(s000);
    expect({ ...rules, window: windowToIso(rules.window), divisions: rules.divisions.map((d) => d.id) }).toEqual({
      phase: { id: 'public-vote', name: '网上大众投票', nameEn: 'Online public vote' },
      rule: 'voting[0]',
      window: { start: '2025-09-12T00:00:00+08:00', end: '2025-09-16T23:59:59+08:00' },
      limits: { perDay: 10, perEntryPerDay: 1 },
      showCounts: 'hidden',
      roundId: 'preliminary',
      divisions: ['publicity', 'app-dev/campus', 'app-dev/social', 'case-selection'],
    });
  });

  it('gives 001 a live vote on the final’s entries in its three tracks, from 8月1日 to 8月20日', () => {
    const rules = rulesOf(s001);
    expect([windowToIso(rules.window), rules.limits, rules.showCounts, rules.roundId, rules.divisions.length]).toEqual([
      { start: '2022-08-01T00:00:00+08:00', end: '2022-08-20T23:59:59+08:00' },
      { perDay: 3, perEntryPerDay: 1 },
      'live',
      'final',
      3,
    ]);
  });

  it('gives 002 one vote in each of its five divisions, the four categories and the 推荐官, counts after review', () => {
    const rules = rulesOf(s002);
    expect([rules.limits, rules.showCounts, rules.roundId]).toEqual([{ perDivision: 1 }, 'after-review', 'public-vote']);
    expect(rules.divisions.map((d) => d.name)).toEqual([
      '作品征集（平面设计类）',
      '作品征集（视频类）',
      '作品征集（文创产品类）',
      '作品征集（文案类）',
      '“医保电子凭证推荐官”短视频',
    ]);
  });

  it('has no rules for a phase that is not a vote Leitai runs, or that the contest lacks', () => {
    expect(votingRulesOf(s000, 'preliminary')).toBeUndefined();
    expect(votingRulesOf(s000, 'nowhere')).toBeUndefined();
    const elsewhere = { ...s000, voting: [] };
    expect(votingRulesOf(elsewhere, 'public-vote')).toBeUndefined();
  });

  it('takes the window as the definition it is given has it, so an extended vote stays open', () => {
    const extended = { ...s001, phases: s001.phases.map((p) => (p.id === 'public-vote' ? { ...p, end: '2022-08-25' } : p)) };
    expect(windowToIso(rulesOf(extended).window).end).toBe('2022-08-25T23:59:59+08:00');
  });

  it('says each limit in words, in the vocabulary’s order', () => {
    expect(limitsInWords(rulesOf(s000))).toEqual([
      { limit: 'perDay', max: 10, text: { zh: '每人每天最多投 10 票', en: 'At most 10 votes a day' } },
      { limit: 'perEntryPerDay', max: 1, text: { zh: '每件作品每天最多投 1 票', en: 'At most 1 vote a day for any one entry' } },
    ]);
    expect(limitsInWords(rulesOf(s002))).toEqual([
      { limit: 'perDivision', max: 1, text: { zh: '每个赛道（组别、类别）最多投 1 票', en: 'At most 1 vote in each division' } },
    ]);
  });
});

describe('when a vote may be cast', () => {
  const vote = { registrationId: 'r1', divisionId: 'publicity' };

  it('opens at the first second of the first day and closes after the last second of the last day, in Asia/Shanghai', () => {
    const rules = rulesOf(s000);
    expect(refused(voteRefusal(rules, [], vote, at('2025-09-11T23:59:59'), zone))).toEqual({
      code: 'vote.not_open',
      status: 409,
      message: {
        zh: '「网上大众投票」尚未开始，2025-09-12T00:00:00+08:00 起可投票',
        en: '"Online public vote" has not opened: voting starts at 2025-09-12T00:00:00+08:00',
      },
      rule: undefined,
    });
    expect(voteRefusal(rules, [], vote, at('2025-09-12T00:00:00'), zone)).toBeUndefined();
    expect(voteRefusal(rules, [], vote, at('2025-09-16T23:59:59.999'), zone)).toBeUndefined();
    expect(refused(voteRefusal(rules, [], vote, at('2025-09-17T00:00:00'), zone))).toEqual({
      code: 'vote.window_closed',
      status: 409,
      message: { zh: '「网上大众投票」已于 2025-09-16T23:59:59+08:00 结束', en: '"Online public vote" closed at 2025-09-16T23:59:59+08:00' },
      rule: undefined,
    });
  });

  it('refuses an entry of a division the vote leaves out, or one that is not among the round’s entries', () => {
    const notVoted = { ...rulesOf(s000), divisions: rulesOf(s000).divisions.filter((d) => d.id !== 'publicity') };
    const expected = {
      code: 'vote.entry_not_in_vote',
      status: 422,
      message: { zh: '该作品不在「网上大众投票」的投票范围内', en: 'This entry is not voted on in "Online public vote"' },
      rule: undefined,
    };
    expect(refused(voteRefusal(notVoted, [], vote, at('2025-09-12T10:00:00'), zone))).toEqual(expected);
    expect(refused(voteRefusal(rulesOf(s000), [], { ...vote, inRound: false }, at('2025-09-12T10:00:00'), zone))).toEqual(expected);
    expect(voteRefusal(rulesOf(s000), [], { ...vote, inRound: true }, at('2025-09-12T10:00:00'), zone)).toBeUndefined();
  });

  it('checks the window before the entry and the limits', () => {
    const full = Array.from({ length: 10 }, (_, i) => cast(`r${i}`, 'publicity', '2025-09-16T09:00:00'));
    expect(voteRefusal(rulesOf(s000), full, { registrationId: 'x', divisionId: 'nowhere' }, at('2025-09-17T09:00:00'), zone)?.code).toBe('vote.window_closed');
    expect(voteRefusal(rulesOf(s000), full, { registrationId: 'x', divisionId: 'nowhere' }, at('2025-09-16T10:00:00'), zone)?.code).toBe(
      'vote.entry_not_in_vote',
    );
  });
});

describe('000: ten votes a day, one a day for any one work', () => {
  const tenOn13th = Array.from({ length: 10 }, (_, i) => cast(`r${i}`, 'publicity', `2025-09-13T0${i % 10}:00:00`));

  it('refuses the eleventh vote of a day, naming the limit and when more may be cast', () => {
    expect(refused(voteRefusal(rulesOf(s000), tenOn13th, { registrationId: 'r10', divisionId: 'publicity' }, at('2025-09-13T20:00:00'), zone))).toEqual({
      code: 'vote.limit_reached',
      status: 409,
      message: {
        zh: '每人每天最多投 10 票，您今天的票已投完，2025-09-14T00:00:00+08:00 起可再投',
        en: "At most 10 votes a day: today's are cast; more from 2025-09-14T00:00:00+08:00",
      },
      rule: 'voting[0].limits.perDay',
    });
  });

  it('gives ten again from midnight in Asia/Shanghai, not midnight UTC', () => {
    const rules = rulesOf(s000);
    const next = { registrationId: 'r10', divisionId: 'publicity' };
    expect(voteRefusal(rules, tenOn13th, next, at('2025-09-13T23:59:59'), zone)?.code).toBe('vote.limit_reached');
    expect(voteRefusal(rules, tenOn13th, next, at('2025-09-14T00:00:00'), zone)).toBeUndefined();
    // 00:30 on the 14th in Shanghai is still the 13th in UTC: ten votes from then fill the 14th.
    const tenAfterMidnight = Array.from({ length: 10 }, (_, i) => cast(`r${i}`, 'publicity', '2025-09-14T00:30:00'));
    expect(voteRefusal(rules, tenAfterMidnight, next, at('2025-09-14T09:00:00'), zone)?.code).toBe('vote.limit_reached');
    expect(voteRefusal(rules, tenAfterMidnight, next, at('2025-09-13T23:00:00'), zone)).toBeUndefined();
  });

  it('says nothing of tomorrow on the vote’s last day', () => {
    const tenOnLastDay = tenOn13th.map((v) => ({ ...v, castAt: at('2025-09-16T08:00:00') }));
    expect(voteRefusal(rulesOf(s000), tenOnLastDay, { registrationId: 'r10', divisionId: 'publicity' }, at('2025-09-16T20:00:00'), zone)?.localised).toEqual({
      zh: '每人每天最多投 10 票，您今天的票已投完',
      en: "At most 10 votes a day: today's are cast",
    });
  });

  it('refuses a second vote for one work on the same day and takes it the next day', () => {
    const rules = rulesOf(s000);
    const history = [cast('r1', 'app-dev/campus', '2025-09-12T08:00:00')];
    const again = { registrationId: 'r1', divisionId: 'app-dev/campus' };
    expect(refused(voteRefusal(rules, history, again, at('2025-09-12T23:59:59'), zone))).toEqual({
      code: 'vote.entry_limit_reached',
      status: 409,
      message: {
        zh: '每件作品每天最多投 1 票，您今天已为该作品投过 1 票，2025-09-13T00:00:00+08:00 起可再投',
        en: 'At most 1 vote a day for any one entry: you have cast 1 vote for this entry today; more from 2025-09-13T00:00:00+08:00',
      },
      rule: 'voting[0].limits.perEntryPerDay',
    });
    expect(voteRefusal(rules, history, { registrationId: 'r2', divisionId: 'app-dev/campus' }, at('2025-09-12T09:00:00'), zone)).toBeUndefined();
    expect(voteRefusal(rules, history, again, at('2025-09-13T00:00:00'), zone)).toBeUndefined();
  });

  it('counts votes left today, and names the works voted for today', () => {
    const rules = rulesOf(s000);
    const history = [
      cast('r1', 'publicity', '2025-09-12T10:00:00'),
      cast('r1', 'publicity', '2025-09-13T10:00:00'),
      cast('r2', 'case-selection', '2025-09-13T11:00:00'),
      cast('r3', 'case-selection', '2025-09-13T12:00:00'),
    ];
    expect(votesLeft(rules, [], at('2025-09-13T13:00:00'), zone)).toEqual({ today: 10, total: null, entriesAtLimit: [] });
    expect(votesLeft(rules, history, at('2025-09-13T13:00:00'), zone)).toEqual({ today: 7, total: null, entriesAtLimit: ['r1', 'r2', 'r3'] });
    expect(votesLeft(rules, history, at('2025-09-14T00:00:00'), zone)).toEqual({ today: 10, total: null, entriesAtLimit: [] });
  });
});

describe('002: one vote in each division over the whole vote', () => {
  it('refuses a second vote in a division, naming it, and takes one in another division', () => {
    const rules = rulesOf(s002);
    const history = [cast('g1', 'works/graphic-design', '2022-10-10T09:00:00')];
    expect(refused(voteRefusal(rules, history, { registrationId: 'g2', divisionId: 'works/graphic-design' }, at('2022-10-15T09:00:00'), zone))).toEqual({
      code: 'vote.division_limit_reached',
      status: 409,
      message: {
        zh: '每个赛道（组别、类别）最多投 1 票，您在「作品征集（平面设计类）」已投 1 票',
        en: 'At most 1 vote in each division: you have cast 1 vote in "Creative works (Graphic design)"',
      },
      rule: 'voting[0].limits.perDivision',
    });
    expect(voteRefusal(rules, history, { registrationId: 'a1', divisionId: 'ambassador' }, at('2022-10-10T09:05:00'), zone)).toBeUndefined();
  });

  it('counts what is left in each division, with no day or total to count', () => {
    const history = [cast('g1', 'works/graphic-design', '2022-10-10T09:00:00'), cast('a1', 'ambassador', '2022-10-11T09:00:00')];
    expect(votesLeft(rulesOf(s002), history, at('2022-10-12T09:00:00'), zone)).toEqual({
      today: null,
      total: null,
      perDivision: { 'works/graphic-design': 0, 'works/video': 1, 'works/cultural-creative': 1, 'works/copywriting': 1, ambassador: 0 },
      entriesAtLimit: [],
    });
  });
});

describe('every limit together', () => {
  /** 000's vote with all five limits: 3 a day, 1 a day per entry, 2 per entry, 2 per division, 4 in all. */
  const allLimits = (): VotingRules => ({ ...rulesOf(s000), limits: { perDay: 3, perEntryPerDay: 1, perEntry: 2, perDivision: 2, total: 4 } });

  it('refuses the total first: nothing changes tomorrow', () => {
    const history = [
      cast('a', 'publicity', '2025-09-12T09:00:00'),
      cast('b', 'app-dev/campus', '2025-09-12T09:00:00'),
      cast('c', 'app-dev/social', '2025-09-13T09:00:00'),
      cast('d', 'case-selection', '2025-09-13T09:00:00'),
    ];
    expect(refused(voteRefusal(allLimits(), history, { registrationId: 'a', divisionId: 'publicity' }, at('2025-09-13T10:00:00'), zone))).toEqual({
      code: 'vote.total_reached',
      status: 409,
      message: { zh: '整个投票期间最多投 4 票，您已全部投完', en: 'At most 4 votes over the whole vote: you have cast them all' },
      rule: 'voting[0].limits.total',
    });
    expect(votesLeft(allLimits(), history, at('2025-09-13T10:00:00'), zone)).toEqual({
      today: 0,
      total: 0,
      perDivision: { publicity: 0, 'app-dev/campus': 0, 'app-dev/social': 0, 'case-selection': 0 },
      entriesAtLimit: ['c', 'd'],
    });
  });

  it('refuses the division before the entry’s whole-vote limit, and that before the day’s', () => {
    const twoInPublicity = [cast('a', 'publicity', '2025-09-12T09:00:00'), cast('b', 'publicity', '2025-09-13T09:00:00')];
    expect(voteRefusal(allLimits(), twoInPublicity, { registrationId: 'b', divisionId: 'publicity' }, at('2025-09-13T10:00:00'), zone)?.code).toBe(
      'vote.division_limit_reached',
    );
    const twiceForA = [cast('a', 'publicity', '2025-09-12T09:00:00'), cast('a', 'publicity', '2025-09-13T09:00:00')];
    const third = voteRefusal(
      { ...allLimits(), limits: { ...allLimits().limits, perDivision: undefined } },
      twiceForA,
      { registrationId: 'a', divisionId: 'publicity' },
      at('2025-09-14T09:00:00'),
      zone,
    );
    expect(refused(third)).toEqual({
      code: 'vote.entry_limit_reached',
      status: 409,
      message: { zh: '每件作品最多投 2 票，您已为该作品投过 2 票', en: 'At most 2 votes for any one entry: you have cast 2 votes for this entry' },
      rule: 'voting[0].limits.perEntry',
    });
  });

  it('refuses the day’s total before the day’s limit for one entry', () => {
    const threeToday = [
      cast('a', 'publicity', '2025-09-12T09:00:00'),
      cast('b', 'app-dev/campus', '2025-09-12T09:00:00'),
      cast('c', 'app-dev/social', '2025-09-12T09:00:00'),
    ];
    expect(voteRefusal(allLimits(), threeToday, { registrationId: 'a', divisionId: 'publicity' }, at('2025-09-12T10:00:00'), zone)?.code).toBe(
      'vote.limit_reached',
    );
  });

  it('leaves today no more than the total leaves, and a division no more than the total', () => {
    const history = [
      cast('a', 'publicity', '2025-09-12T09:00:00'),
      cast('b', 'publicity', '2025-09-12T09:00:00'),
      cast('c', 'app-dev/campus', '2025-09-13T09:00:00'),
    ];
    expect(votesLeft(allLimits(), history, at('2025-09-14T09:00:00'), zone)).toEqual({
      today: 1,
      total: 1,
      perDivision: { publicity: 0, 'app-dev/campus': 1, 'app-dev/social': 1, 'case-selection': 1 },
      entriesAtLimit: [],
    });
  });

  it('never counts below zero when more votes were taken than the limits allow', () => {
    const five = Array.from({ length: 5 }, (_, i) => cast(`e${i}`, 'publicity', '2025-09-12T09:00:00'));
    expect(votesLeft(allLimits(), five, at('2025-09-12T10:00:00'), zone)).toMatchObject({
      today: 0,
      total: 0,
      perDivision: { publicity: 0, 'case-selection': 0 },
    });
  });
});

describe('when the public sees the counts', () => {
  const during = at('2025-09-14T10:00:00');
  const after = at('2025-09-17T00:00:00');
  const showing = (rules: VotingRules) => [countsShown(rules, during, 0), countsShown(rules, after, 3), countsShown(rules, after, 0)];

  it('shows live counts always, hidden ones never, and after-review ones once the vote has closed and none is held', () => {
    expect(showing({ ...rulesOf(s000), showCounts: 'live' })).toEqual([true, true, true]);
    expect(showing(rulesOf(s000))).toEqual([false, false, false]);
    expect(showing({ ...rulesOf(s000), showCounts: 'after-review' })).toEqual([false, false, true]);
  });
});
