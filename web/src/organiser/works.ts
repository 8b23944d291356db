import type { ContestView, DivisionView, PhaseView, Works } from '../api/types.ts';

/** The works a division asks for: its group's or category's, else its track's. */
export const worksOfDivision = (contest: ContestView, division: DivisionView): Works | undefined => {
  const track = contest.tracks.find((t) => t.id === division.trackId);
  if (!track) return undefined;
  const sub = division.groupId
    ? track.groups.find((g) => g.id === division.groupId)
    : division.categoryId
      ? track.categories.find((c) => c.id === division.categoryId)
      : undefined;
  return sub?.works ?? track.works;
};

/** Divisions that take works, for the download links. */
export const divisionsWithWorks = (contest: ContestView) =>
  contest.divisions.filter((d) => {
    const works = worksOfDivision(contest, d);
    return !!works && works.files.length + works.fields.length > 0;
  });

/** 0.9731 → 97 (whole percent, rounded down so 99.6% never reads as 100%). */
export const similarityPercent = (similarity: number) => Math.floor(similarity * 100);

/**
 * The stages a division's works are handed in (003: application, online stage, workshop), in the
 * contest's order, each with its requirements; requirements without a stage go last, under null.
 * Empty where no requirement names a stage: the division's works are one whole.
 */
export const stagesOfWorks = (contest: ContestView, works: Works): { phase: PhaseView | null; requirements: string[] }[] => {
  const requirements = [...works.files, ...works.fields];
  if (!requirements.some((r) => r.phase)) return [];
  const staged = contest.phases
    .map((phase) => ({ phase, requirements: requirements.filter((r) => r.phase === phase.id).map((r) => r.name) }))
    .filter((stage) => stage.requirements.length > 0);
  const unstaged = requirements.filter((r) => !r.phase).map((r) => r.name);
  return unstaged.length > 0 ? [...staged, { phase: null, requirements: unstaged }] : staged;
};
