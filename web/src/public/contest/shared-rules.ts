import type { ContestView, Eligibility, EligibilityRuleView, Works } from '../../api/types.ts';

/**
 * Rules written once at the contest level hold in every track unless the track says otherwise, and
 * the page shows them the same way: once above the tracks, and in each track only what differs.
 * 004's fifteen tracks share one set of rules, so it is read once, not fifteen times.
 */
export interface RuleLayout {
  /** Shown once above the tracks; undefined where there is one place, which shows its own. */
  shared?: { eligibility: Eligibility; works?: Works };
  /** What a track, group or category shows of its own. */
  own: (eligibility: Eligibility) => Eligibility;
  ownWorks: (works: Works | undefined) => Works | undefined;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const sameRule = (a: EligibilityRuleView, b: EligibilityRuleView) => a.rule === b.rule && a.quote === b.quote && same(a.params, b.params);

/** Where an entry registers, each with its rules: a track without groups or categories, or each group or category. */
const placesOf = (contest: ContestView) =>
  contest.tracks.flatMap((track) => {
    const subs = [...track.groups, ...track.categories];
    return subs.length > 0 ? subs.map((sub) => ({ eligibility: sub.eligibility, works: sub.works })) : [{ eligibility: track.eligibility, works: track.works }];
  });

const ownLayout: RuleLayout = { own: (eligibility) => eligibility, ownWorks: (works) => works };

export const ruleLayout = (contest: ContestView): RuleLayout => {
  const places = placesOf(contest);
  if (places.length < 2) return ownLayout;
  // A contest rule that every place replaces holds nowhere, so it is not shown as shared.
  const sharedRules = contest.eligibility.rules.filter((rule) => places.some((place) => place.eligibility.rules.some((r) => sameRule(r, rule))));
  const heldSomewhere = <T>(value: T, of: (eligibility: Eligibility) => T) => places.some((place) => same(of(place.eligibility), value));
  const eligibility: Eligibility = {
    ...contest.eligibility,
    entrantKinds: heldSomewhere(contest.eligibility.entrantKinds, (e) => e.entrantKinds) ? contest.eligibility.entrantKinds : [],
    rules: sharedRules,
    declarations: heldSomewhere(contest.eligibility.declarations, (e) => e.declarations) ? contest.eligibility.declarations : [],
  };
  const works = places.every((place) => same(place.works, places[0].works)) ? places[0].works : undefined;
  return {
    shared: { eligibility, works },
    own: (place) => ({
      ...place,
      entrantKinds: same(place.entrantKinds, eligibility.entrantKinds) ? [] : place.entrantKinds,
      rules: place.rules.filter((rule) => !sharedRules.some((r) => sameRule(r, rule))),
      declarations: same(place.declarations, eligibility.declarations) ? [] : place.declarations,
    }),
    ownWorks: (placeWorks) => (works ? undefined : placeWorks),
  };
};

/** Whether a place's rules say anything once the shared ones are left out. */
export const saysAnything = (eligibility: Eligibility) =>
  eligibility.entrantKinds.length > 0 ||
  eligibility.rules.some((r) => r.rule !== 'entrantKinds' && r.rule !== 'declarations') ||
  eligibility.declarations.length > 0;
