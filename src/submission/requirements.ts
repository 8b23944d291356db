import type { ContestDefinition } from '../contest/schema/index.ts';
import { resolveScope, type EntryPlace } from '../contest/scope.ts';
import type { Works } from '../contest/schema/works.ts';
import { divisionsOf } from '../contest/divisions.ts';

/** The works a place asks for: the nearest `works` of its category or group, track, or contest. */
export const worksFor = (definition: ContestDefinition, place: EntryPlace): Works | undefined => {
  const resolved = resolveScope(definition, place);
  return resolved.ok ? resolved.scope.works : undefined;
};

/** The works of a division by its id (`works/video`, `app-dev/campus`, `publicity`). */
export const worksOfDivision = (definition: ContestDefinition, divisionId: string): Works | undefined => {
  const division = divisionsOf(definition.tracks).find((d) => d.id === divisionId);
  if (!division) return undefined;
  return worksFor(definition, { trackId: division.trackId, groupId: division.groupId, categoryId: division.categoryId });
};
