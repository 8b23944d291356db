/**
 * The rules of a public vote, from the definition's `voting` (contest/schema/voting.ts): who may be
 * voted on, when, and how many votes one voter may cast. Pure: a voter's votes, the time and the
 * time zone come in as arguments. Days are calendar days in the contest's time zone.
 */
import { DateTime } from 'luxon';
import { divisionsOf, type Division } from '../contest/divisions.ts';
import type { ContestDefinition, ShowCounts, VoteLimitName, VoteLimits } from '../contest/schema/index.ts';
import { localTimeIn } from '../contest/local-time.ts';
import { isoWithOffset, type Window } from '../contest/time.ts';
import { phaseWindow } from '../contest/views.ts';
import { AppError, type LocalisedText } from '../platform/errors.ts';
import { count } from '../platform/plural.ts';
import { roundDivisions } from '../review/results/compute.ts';

export interface VotingRules {
  phase: { id: string; name: string; nameEn?: string };
  /** Where the rules stand in the definition (`voting[0]`), named by each refusal. */
  rule: string;
  /** The phase's window as the definition given has it (a scheduled definition gives the window as it stands). */
  window: Window;
  limits: VoteLimits;
  showCounts: ShowCounts;
  /** The review round that counts the votes: its entries are the ones voted on. */
  roundId: string;
  /** The divisions voted on: the round's, in the definition's order. */
  divisions: Division[];
}

/** A vote the voter has cast in the phase. */
export interface CastVote {
  registrationId: string;
  divisionId: string;
  castAt: Date;
}

export interface VoteRequest {
  registrationId: string;
  divisionId: string;
  /** False when the entry is not among the round's entries (review/round-entries.ts, `roundId`). */
  inRound?: boolean;
}

/** The rules of the phase's vote, or undefined when Leitai does not run it (its counts are imported). */
export const votingRulesOf = (definition: ContestDefinition, phaseId: string): VotingRules | undefined => {
  const index = definition.voting.findIndex((vote) => vote.phase === phaseId);
  const phase = definition.phases.find((p) => p.id === phaseId);
  const round = definition.review.rounds.find((r) => r.publicVotePhase === phaseId);
  // The definition's checks make the phase and the round exist wherever a vote is defined.
  if (index < 0 || !phase || !round) return undefined;
  const { limits, showCounts } = definition.voting[index];
  const voted = new Set(roundDivisions(definition, round));
  return {
    phase: { id: phase.id, name: phase.name, ...(phase.nameEn && { nameEn: phase.nameEn }) },
    rule: `voting[${index}]`,
    window: phaseWindow(definition, phase),
    limits,
    showCounts,
    roundId: round.id,
    divisions: divisionsOf(definition.tracks).filter((d) => voted.has(d.id)),
  };
};

/** The limits in the vocabulary's order, each in words: what the vote page says a voter may do. */
const limitOrder: readonly VoteLimitName[] = ['perDay', 'perEntryPerDay', 'perEntry', 'perDivision', 'total'];

const limitWords = (limit: VoteLimitName, n: number): LocalisedText => {
  const votes = count(n, 'vote');
  switch (limit) {
    case 'perDay':
      return { zh: `每人每天最多投 ${n} 票`, en: `At most ${votes} a day` };
    case 'perEntryPerDay':
      return { zh: `每件作品每天最多投 ${n} 票`, en: `At most ${votes} a day for any one entry` };
    case 'perEntry':
      return { zh: `每件作品最多投 ${n} 票`, en: `At most ${votes} for any one entry` };
    case 'perDivision':
      return { zh: `每个赛道（组别、类别）最多投 ${n} 票`, en: `At most ${votes} in each division` };
    case 'total':
      return { zh: `整个投票期间最多投 ${n} 票`, en: `At most ${votes} over the whole vote` };
  }
};

export const limitsInWords = (rules: VotingRules) =>
  limitOrder.flatMap((limit) => {
    const max = rules.limits[limit];
    return max === undefined ? [] : [{ limit, max, text: limitWords(limit, max) }];
  });

export const showCountsWords: Record<ShowCounts, LocalisedText> = {
  live: { zh: '实时公布票数', en: 'Counts are shown as votes come in' },
  'after-review': { zh: '投票结束且可疑票审核完毕后公布票数', en: 'Counts are shown once the vote has closed and held votes are reviewed' },
  hidden: { zh: '票数随评审结果公布', en: 'Counts are shown with the published results' },
};

/** Whether the public sees the counts now; organisers always do. `heldVotes`: the phase's votes still held. */
export const countsShown = (rules: VotingRules, at: Date, heldVotes: number) =>
  rules.showCounts === 'live' || (rules.showCounts === 'after-review' && at.getTime() >= rules.window.endExclusive.toMillis() && heldVotes === 0);

const phaseName = (rules: VotingRules): LocalisedText => ({ zh: rules.phase.name, en: rules.phase.nameEn ?? rules.phase.name });

/** The voter's votes that each limit counts at `at`. */
const tallyOf = (history: readonly CastVote[], at: Date, timeZone: string) => {
  const dayOf = localTimeIn(timeZone);
  const today = dayOf(at.getTime()).day;
  const castToday = history.map((vote) => dayOf(vote.castAt.getTime()).day === today);
  const where = (keep: (vote: CastVote, i: number) => boolean) => history.reduce((n, vote, i) => (keep(vote, i) ? n + 1 : n), 0);
  return {
    total: history.length,
    today: where((_, i) => castToday[i]),
    inDivision: (divisionId: string) => where((v) => v.divisionId === divisionId),
    forEntry: (registrationId: string) => where((v) => v.registrationId === registrationId),
    forEntryToday: (registrationId: string) => where((v, i) => castToday[i] && v.registrationId === registrationId),
  };
};

/** When more votes may be cast: the next day's first instant, while the vote is still open then (in words, for a refusal). */
const tomorrowWords = (rules: VotingRules, at: Date, timeZone: string): LocalisedText => {
  const next = DateTime.fromJSDate(at, { zone: timeZone }).startOf('day').plus({ days: 1 });
  if (next.toMillis() >= rules.window.endExclusive.toMillis()) return { zh: '', en: '' };
  const again = isoWithOffset(next);
  return { zh: `，${again} 起可再投`, en: `; more from ${again}` };
};

const refusal = (rules: VotingRules, code: string, limit: VoteLimitName, message: LocalisedText) =>
  new AppError(code, message, 409, [{ code, message, rule: `${rules.rule}.limits.${limit}` }]);

const outsideWindow = (rules: VotingRules, at: Date): AppError | undefined => {
  const name = phaseName(rules);
  if (at.getTime() < rules.window.start.toMillis()) {
    const start = isoWithOffset(rules.window.start);
    return new AppError(
      'vote.not_open',
      { zh: `「${name.zh}」尚未开始，${start} 起可投票`, en: `"${name.en}" has not opened: voting starts at ${start}` },
      409,
    );
  }
  if (at.getTime() >= rules.window.endExclusive.toMillis()) {
    const end = isoWithOffset(rules.window.endExclusive.minus({ seconds: 1 }));
    return new AppError('vote.window_closed', { zh: `「${name.zh}」已于 ${end} 结束`, en: `"${name.en}" closed at ${end}` }, 409);
  }
  return undefined;
};

/**
 * Why this vote cannot be cast at `at`, or undefined when it can. `history` is every vote the voter
 * has cast in the phase, counted, held or rejected alike: a vote held or rejected still used its turn.
 * The window comes first, then the entry, then the limits that last the whole vote (nothing changes
 * tomorrow), then the day's.
 */
export const voteRefusal = (rules: VotingRules, history: readonly CastVote[], vote: VoteRequest, at: Date, timeZone: string): AppError | undefined => {
  const closed = outsideWindow(rules, at);
  if (closed) return closed;
  const division = rules.divisions.find((d) => d.id === vote.divisionId);
  if (!division || vote.inRound === false) {
    const name = phaseName(rules);
    return new AppError('vote.entry_not_in_vote', { zh: `该作品不在「${name.zh}」的投票范围内`, en: `This entry is not voted on in "${name.en}"` }, 422);
  }
  const { limits } = rules;
  const tally = tallyOf(history, at, timeZone);
  const words = (limit: VoteLimitName) => limitWords(limit, limits[limit]!);
  const reached = (limit: VoteLimitName, used: number) => limits[limit] !== undefined && used >= limits[limit];

  if (reached('total', tally.total)) {
    const w = words('total');
    return refusal(rules, 'vote.total_reached', 'total', { zh: `${w.zh}，您已全部投完`, en: `${w.en}: you have cast them all` });
  }
  const inDivision = tally.inDivision(division.id);
  if (reached('perDivision', inDivision)) {
    const w = words('perDivision');
    return refusal(rules, 'vote.division_limit_reached', 'perDivision', {
      zh: `${w.zh}，您在「${division.name}」已投 ${inDivision} 票`,
      en: `${w.en}: you have cast ${count(inDivision, 'vote')} in "${division.nameEn ?? division.name}"`,
    });
  }
  const forEntry = tally.forEntry(vote.registrationId);
  if (reached('perEntry', forEntry)) {
    const w = words('perEntry');
    return refusal(rules, 'vote.entry_limit_reached', 'perEntry', {
      zh: `${w.zh}，您已为该作品投过 ${forEntry} 票`,
      en: `${w.en}: you have cast ${count(forEntry, 'vote')} for this entry`,
    });
  }
  if (reached('perDay', tally.today)) {
    const w = words('perDay');
    const tomorrow = tomorrowWords(rules, at, timeZone);
    return refusal(rules, 'vote.limit_reached', 'perDay', { zh: `${w.zh}，您今天的票已投完${tomorrow.zh}`, en: `${w.en}: today's are cast${tomorrow.en}` });
  }
  const forEntryToday = tally.forEntryToday(vote.registrationId);
  if (reached('perEntryPerDay', forEntryToday)) {
    const w = words('perEntryPerDay');
    const tomorrow = tomorrowWords(rules, at, timeZone);
    return refusal(rules, 'vote.entry_limit_reached', 'perEntryPerDay', {
      zh: `${w.zh}，您今天已为该作品投过 ${forEntryToday} 票${tomorrow.zh}`,
      en: `${w.en}: you have cast ${count(forEntryToday, 'vote')} for this entry today${tomorrow.en}`,
    });
  }
  return undefined;
};

export interface VotesLeft {
  /** Votes the voter may still cast today (the day's limit, within what the total leaves); null without either. */
  today: number | null;
  /** Votes left over the whole vote; null without a total. */
  total: number | null;
  /** Per division voted on, votes left in it (within what the total leaves); only with a perDivision limit. */
  perDivision?: Record<string, number>;
  /** Entries the voter cannot vote for again: today's limit for one entry, or the whole vote's, is reached. */
  entriesAtLimit: string[];
}

/**
 * What the voter may still do, limit by limit, at `at` (the window is the caller's to show: this
 * counts what the limits leave). `history` as for voteRefusal.
 */
export const votesLeft = (rules: VotingRules, history: readonly CastVote[], at: Date, timeZone: string): VotesLeft => {
  const { limits } = rules;
  const tally = tallyOf(history, at, timeZone);
  const left = (max: number | undefined, used: number) => (max === undefined ? null : Math.max(0, max - used));
  const total = left(limits.total, tally.total);
  const within = (n: number | null) => (n === null ? total : total === null ? n : Math.min(n, total));
  const entries = [...new Set(history.map((vote) => vote.registrationId))];
  const atLimit = (id: string) => left(limits.perEntry, tally.forEntry(id)) === 0 || left(limits.perEntryPerDay, tally.forEntryToday(id)) === 0;
  return {
    today: within(left(limits.perDay, tally.today)),
    total,
    ...(limits.perDivision !== undefined && {
      perDivision: Object.fromEntries(rules.divisions.map((d) => [d.id, within(left(limits.perDivision, tally.inDivision(d.id)))!])),
    }),
    entriesAtLimit: entries.filter(atLimit),
  };
};
