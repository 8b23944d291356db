import type { AwardGroup, AwardTier, ContestDefinition } from '../../contest/schema/index.ts';
import { problem } from './problems.ts';
import { contenderOf, cut, rankGroups, type Contender } from './ranking.ts';
import type { AwardGiven, NotComputed, ResultProblem, Vacancy } from './types.ts';

/** What the awards are decided on: the last round's entries, their scores and votes. */
export interface AwardInput {
  definition: ContestDefinition;
  divisionIds: readonly string[];
  /** Every entry of the round (the finalists), by id: its division. */
  entries: ReadonlyMap<string, string>;
  /** The scored entries. */
  contenders: readonly Contender[];
  compare: (a: Contender, b: Contender) => number;
  votes: ReadonlyMap<string, number>;
}

export interface AwardOutcome {
  /** Keyed by division id, or `contest` for a group given once across the contest. */
  given: Map<string, AwardGiven[]>;
  vacancies: Map<string, Vacancy[]>;
  notComputed: NotComputed[];
  problems: ResultProblem[];
}

const CONTEST = 'contest';

interface Scope {
  key: string;
  divisions: ReadonlySet<string>;
}

const scopesOf = (group: AwardGroup, divisionIds: readonly string[]): Scope[] => {
  if (group.divisions === CONTEST) return [{ key: CONTEST, divisions: new Set(divisionIds) }];
  const ids = group.divisions === 'each' ? divisionIds : group.divisions;
  return ids.map((id) => ({ key: id, divisions: new Set([id]) }));
};

const byVotes = (votes: ReadonlyMap<string, number>) => (a: Contender, b: Contender) => (votes.get(b.id) ?? 0) - (votes.get(a.id) ?? 0);

/**
 * The awards, in the order a ceremony would settle them: tiers decided by the final's ranking (each
 * group's tiers in turn, a ranking placing an entry once, so 001's 特等奖 leaves its track's 一等奖 to
 * the next), then excellence for finalists not placed, then tiers by votes alone, then every finalist.
 * With `oneAwardPerEntry` an entry that already has an award is passed over and the next one takes the
 * place. Places too few entries can take stay empty (空缺); places a tie holds stay undecided.
 */
export const decideAwards = (input: AwardInput): AwardOutcome => {
  const { definition } = input;
  const outcome: AwardOutcome = { given: new Map(), vacancies: new Map(), notComputed: [], problems: [] };
  const oneEach = definition.awards.oneAwardPerEntry;
  const awarded = new Set<string>();
  const placed = new Set<string>();
  /** Per scope, the places a tie holds that may fall to no placed tier (an excellence award waits on them). */
  const unplacedUndecided = new Map<string, number>();
  const tiedEntries = new Set<string>();

  const give = (scope: Scope, tier: AwardTier, entry: string) => {
    const list = outcome.given.get(scope.key) ?? [];
    list.push({ entry, division: input.entries.get(entry)!, tier: tier.id, name: tier.name, prizeCny: tier.prizeCny ?? 0 });
    outcome.given.set(scope.key, list);
    awarded.add(entry);
  };
  const vacate = (scope: Scope, tier: AwardTier, empty: number, undecided: number) => {
    if (empty <= 0 && undecided <= 0) return;
    const list = outcome.vacancies.get(scope.key) ?? [];
    list.push({ tier: tier.id, empty: Math.max(0, empty), undecided });
    outcome.vacancies.set(scope.key, list);
  };
  const notComputed = (tier: AwardTier, reason: NotComputed['reason']) => {
    if (!outcome.notComputed.some((n) => n.tier === tier.id)) outcome.notComputed.push({ what: 'award', tier: tier.id, reason });
  };
  const open = (id: string) => !(oneEach && awarded.has(id));
  const inScope = (scope: Scope) => (c: Contender) => scope.divisions.has(input.entries.get(c.id)!);
  const counted = (tiers: AwardTier[]) =>
    tiers.filter((tier) => {
      if (tier.count === undefined) notComputed(tier, 'count-not-published');
      return tier.count !== undefined;
    });

  /** Fills `tiers` down `order`, position by position; reports a tie that straddles two places. */
  const place = (scope: Scope, tiers: AwardTier[], order: Contender[][], onGiven: (entry: string) => void) => {
    const places = tiers.flatMap((tier) => Array<AwardTier>(tier.count!).fill(tier));
    const result = cut(order, places);
    for (const [contender, tier] of result.given) {
      give(scope, tier, contender.id);
      onGiven(contender.id);
    }
    for (const { members, places: held } of result.undecided) {
      const ids = members.map((m) => m.id);
      for (const id of ids) tiedEntries.add(id);
      const unplaced = held.filter((tier) => tier === undefined).length;
      unplacedUndecided.set(scope.key, (unplacedUndecided.get(scope.key) ?? 0) + unplaced);
      const names = [...new Set(held.map((tier) => tier?.name ?? '—'))].join(' / ');
      outcome.problems.push(
        problem(
          'award.tie',
          {
            zh: `${ids.join('、')} 并列，规则无法区分，${names} 的名额待定`,
            en: `${ids.join(', ')} tie and the rule cannot part them: who takes ${held.map((tier) => tier?.id ?? 'no award').join(' / ')} is undecided`,
          },
          { entries: ids, division: scope.key },
        ),
      );
    }
    for (const tier of tiers) {
      const given = [...result.given.values()].filter((t) => t === tier).length;
      const undecided = result.undecided.reduce((sum, u) => sum + u.places.filter((t) => t === tier).length, 0);
      vacate(scope, tier, tier.count! - given - undecided, undecided);
    }
  };

  const each = (decidedBy: AwardTier['decidedBy'], visit: (scope: Scope, tiers: AwardTier[]) => void) => {
    for (const group of definition.awards.groups) {
      const tiers = group.tiers.filter((tier) => tier.decidedBy === decidedBy);
      if (tiers.length > 0) for (const scope of scopesOf(group, input.divisionIds)) visit(scope, tiers);
    }
  };

  each('final', (scope, tiers) => {
    const eligible = input.contenders.filter((c) => inScope(scope)(c) && !placed.has(c.id) && open(c.id));
    place(scope, counted(tiers), rankGroups(eligible, input.compare), (id) => placed.add(id));
  });
  each('finalists-not-placed', (scope, tiers) => {
    for (const tier of tiers) {
      const receive = input.contenders.filter((c) => inScope(scope)(c) && !placed.has(c.id) && !tiedEntries.has(c.id) && open(c.id));
      for (const c of receive) give(scope, tier, c.id);
      const undecided = unplacedUndecided.get(scope.key) ?? 0;
      if (tier.count !== undefined) vacate(scope, tier, tier.count - receive.length - undecided, undecided);
    }
  });
  each('public-vote', (scope, tiers) => {
    const eligible = [...input.entries.keys()]
      .filter((id) => scope.divisions.has(input.entries.get(id)!) && (input.votes.get(id) ?? 0) > 0 && open(id))
      .map((id) => contenderOf(id, 0, null, input.votes.get(id) ?? 0));
    place(scope, counted(tiers), rankGroups(eligible, byVotes(input.votes)), () => undefined);
  });
  each('finalists', (scope, tiers) => {
    for (const tier of tiers) {
      for (const [id, division] of input.entries) if (scope.divisions.has(division) && open(id)) give(scope, tier, id);
    }
  });
  each('judges', (_scope, tiers) => tiers.forEach((tier) => notComputed(tier, 'chosen-by-judges')));
  return outcome;
};
