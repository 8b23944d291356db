import type { AwardGiven, ContestView, DivisionResults, RankedEntry, Results, Vacancy } from '../../api/types.ts';

export interface EntryLabel {
  ref: string;
  title: string;
}

export interface RankingRow extends RankedEntry {
  ref: string;
  title: string;
  /** The division's own awards and any given across the contest (特等奖), in the engine's order. */
  awards: AwardGiven[];
}

/**
 * A division's ranked entries as the preview table shows them, each with its reference, title and
 * awards; an entry the engine names but the reply does not label shows its id.
 */
export const rankingRows = (division: DivisionResults, contestAwards: readonly AwardGiven[], labels: Readonly<Record<string, EntryLabel>>): RankingRow[] =>
  division.entries.map((entry) => ({
    ...entry,
    ref: labels[entry.id]?.ref ?? entry.id,
    title: labels[entry.id]?.title ?? '',
    awards: [...contestAwards, ...division.awards].filter((award) => award.entry === entry.id),
  }));

/** A score as the board prints it: two decimals, or — while there is none. */
export const scoreText = (score: number | null) => (score === null ? '—' : score.toFixed(2));

/** The tier's name from the definition (Chinese, English where given), its id when the definition no longer has it. */
export const tierNameOf = (contest: Pick<ContestView, 'awards'>, tierId: string) => {
  for (const group of contest.awards.groups) {
    const tier = group.tiers.find((t) => t.id === tierId);
    if (tier) return { name: tier.name, nameEn: tier.nameEn };
  }
  return { name: tierId };
};

/** Places left empty (空缺) or waiting on a tie, worth a line under the table; a vacancy of none is no news. */
export const openPlaces = (vacancies: readonly Vacancy[]) => vacancies.filter((v) => v.empty > 0 || v.undecided > 0);

/** The problems the engine reports about one division (the rest are shown once above all divisions). */
export const problemsOf = (results: Pick<Results, 'problems'>, divisionId: string | null) =>
  results.problems.filter((problem) => (problem.division ?? null) === divisionId);
