import type { LocalisedText } from '../../platform/errors.ts';

/** What the engine reads besides the definition: a round's entries, judges' scores and vote counts. */
export interface ResultsInput {
  entries: readonly { id: string; division: string }[];
  /** A judge's score of an entry: the rubric's criteria, or a total given directly. */
  scores: readonly { judge: string; entry: string; criteria?: Readonly<Record<string, number>>; total?: number }[];
  votes: readonly { entry: string; count: number }[];
}

/**
 * Something the engine could not use or decide: a score it left out, a tie the definition's rule
 * cannot break. Reported beside the results, never silently resolved.
 */
export interface ResultProblem {
  code: string;
  message: LocalisedText;
  entries?: string[];
  judge?: string;
  division?: string;
}

export interface RankedEntry {
  id: string;
  division: string;
  /** The round score: judges' and public vote's parts by the round's weights; null while unscored. */
  score: number | null;
  /** 1 for the best; entries the rule cannot separate share a rank (and `tied`); null while unscored. */
  rank: number | null;
  tied: boolean;
  advances: boolean;
  /** The judges' scores combined (the round's `combine`); null without scores. */
  judgeScore: number | null;
  /** Votes mapped to a score (`publicVoteScore`); null where the round does not count votes. */
  voteScore: number | null;
  votes: number;
  /** How many judges' scores were counted. */
  judges: number;
}

export interface AwardGiven {
  entry: string;
  division: string;
  tier: string;
  name: string;
  /** Prize money per winner; 0 where the tier has none. */
  prizeCny: number;
}

/** Places of a tier nobody takes (空缺), or that wait on a tie (`undecided`). */
export interface Vacancy {
  tier: string;
  empty: number;
  undecided: number;
}

export interface DivisionResults {
  id: string;
  entries: RankedEntry[];
  awards: AwardGiven[];
  vacancies: Vacancy[];
}

/** A part of the definition the engine leaves to people: an unpublished count, a choice by the judges. */
export interface NotComputed {
  what: 'advancement' | 'award';
  tier?: string;
  reason: 'count-not-published' | 'chosen-by-judges';
}

export interface Results {
  round: string;
  /** Whether this round decides the awards: the definition's last round does. */
  decidesAwards: boolean;
  divisions: DivisionResults[];
  /** Awards given once across the contest (e.g. 特等奖), each with its entry's division. */
  contestAwards: AwardGiven[];
  contestVacancies: Vacancy[];
  advancing: number;
  notComputed: NotComputed[];
  problems: ResultProblem[];
}
