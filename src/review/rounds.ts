import type { ContestDefinition } from '../contest/schema/index.ts';
import { roundDivisions } from './results/compute.ts';
import { roundScale } from './results/scores.ts';

/**
 * The review rounds as `leitai contest check --json` lists them: the divisions each ranks, its
 * criteria with their scales, how judges' scores combine, the public vote's weight and how many advance
 * (`advancing`: per division × divisions, capped by the total; null where no count is published).
 */
export const roundsSummary = (definition: ContestDefinition) =>
  definition.review.rounds.map((round) => {
    const divisions = roundDivisions(definition, round);
    const { perDivision, total } = round.advance ?? {};
    const limits = [perDivision === undefined ? undefined : perDivision * divisions.length, total].filter((n) => n !== undefined);
    return {
      id: round.id,
      name: round.name,
      divisions,
      criteria: (round.rubric ?? []).map((c) => ({ id: c.id, weight: c.weight, min: c.scale.min, max: c.scale.max })),
      scale: roundScale(round),
      combine: round.combine,
      mode: round.mode,
      judgesPerEntry: round.judgesPerEntry,
      judgeCap: round.judgeCap ?? null,
      blind: round.blind,
      judgesWeight: round.weights.judges,
      publicVoteWeight: round.weights.publicVote,
      advance: { perDivision: perDivision ?? null, total: total ?? null, advancing: limits.length > 0 ? Math.min(...limits) : null },
    };
  });
