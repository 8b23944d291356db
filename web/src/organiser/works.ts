import type { ContestView, DivisionView, Works } from '../api/types.ts';

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
