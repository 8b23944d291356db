import type { ContestDefinition } from '../contest/schema/index.ts';
import { worksOfPlace } from '../contest/scope.ts';
import type { Works } from '../contest/schema/works.ts';
import { divisionsOf } from '../contest/divisions.ts';

/** The works of a division by its id (`works/video`, `app-dev/campus`, `publicity`). */
export const worksOfDivision = (definition: ContestDefinition, divisionId: string): Works | undefined => {
  const division = divisionsOf(definition.tracks).find((d) => d.id === divisionId);
  if (!division) return undefined;
  return worksOfPlace(definition, { trackId: division.trackId, groupId: division.groupId, categoryId: division.categoryId });
};

/** Only the requirements handed in during one stage (a phase id a requirement names): 003's online stage, 004's review. */
export const worksOfStage = (works: Works, stage: string): Works => ({
  ...works,
  files: works.files.filter((f) => f.phase === stage),
  fields: works.fields.filter((f) => f.phase === stage),
});
