import type { StageView } from '../../api/types.ts';

/** Requirements in the order they are handed in: by their stage's start, the definition's order within a stage. */
export const inStageOrder = <T extends { stage: StageView }>(items: T[]) => [...items].sort((a, b) => Date.parse(a.stage.start) - Date.parse(b.stage.start));
