import type { ContestDefinition } from '../contest/schema/index.ts';
import { windowToIso } from '../contest/time.ts';
import { limitsInWords, votingRulesOf } from './rules.ts';

/**
 * The votes Leitai runs, as `leitai contest check --json` lists them: each phase's window, every
 * limit (null where none), when counts are shown, the round whose entries are voted on with the
 * divisions, and what the votes decide: the round's vote weight and, when that round is the last,
 * the award tiers decided by votes alone.
 */
export const votingSummary = (definition: ContestDefinition) =>
  definition.voting.map(({ phase }) => {
    const rules = votingRulesOf(definition, phase)!;
    const round = definition.review.rounds.find((r) => r.id === rules.roundId)!;
    const isLast = definition.review.rounds.at(-1) === round;
    const { perDay, perEntryPerDay, perEntry, perDivision, total } = rules.limits;
    return {
      phase,
      name: rules.phase.name,
      ...windowToIso(rules.window),
      limits: {
        perDay: perDay ?? null,
        perEntryPerDay: perEntryPerDay ?? null,
        perEntry: perEntry ?? null,
        perDivision: perDivision ?? null,
        total: total ?? null,
      },
      inWords: limitsInWords(rules).map((limit) => limit.text.zh),
      showCounts: rules.showCounts,
      round: rules.roundId,
      divisions: rules.divisions.map((d) => d.id),
      publicVoteWeight: round.weights.publicVote,
      awards: isLast ? definition.awards.groups.flatMap((group) => group.tiers.filter((t) => t.decidedBy === 'public-vote').map((t) => t.id)) : [],
    };
  });
