import type { ContestDefinition, EligibilityRule, Subdivision, Topic, Track, Works } from './schema/index.ts';

/**
 * Where an entry registers: a track, maybe a group or category, a topic, a zone. Its scope carries the
 * rules in force there: the contest's, replaced rule by rule by the track's and then the group's or
 * category's.
 */
export interface EntryPlace {
  trackId: string;
  groupId?: string | null;
  categoryId?: string | null;
  topicId?: string | null;
  zoneId?: string | null;
}

export interface Scope {
  track: Track;
  subdivision?: Subdivision;
  topic?: Topic;
  rules: EligibilityRule[];
  /** Where each rule was written, for error messages: `tracks[1].groups[0].rules[1]`. */
  ruleSources: Map<EligibilityRule['rule'], string>;
  works?: Works;
}

export type ScopeProblem =
  | { code: 'place.unknown_track'; value: string }
  | { code: 'place.group_required' | 'place.category_required'; value: string }
  | { code: 'place.unknown_group' | 'place.unknown_category' | 'place.unknown_topic'; value: string }
  | { code: 'place.topic_required'; value: string }
  | { code: 'place.unknown_zone'; value: string }
  | { code: 'place.zone_required'; value: string };

export const mergeRules = (layers: { rules: EligibilityRule[]; source: string }[]) => {
  const byName = new Map<EligibilityRule['rule'], EligibilityRule>();
  const sources = new Map<EligibilityRule['rule'], string>();
  for (const layer of layers) {
    layer.rules.forEach((rule, index) => {
      byName.set(rule.rule, rule);
      sources.set(rule.rule, `${layer.source}rules[${index}]`);
    });
  }
  return { rules: [...byName.values()], sources };
};

export const resolveScope = (definition: ContestDefinition, place: EntryPlace): { ok: true; scope: Scope } | { ok: false; problem: ScopeProblem } => {
  const trackIndex = definition.tracks.findIndex((t) => t.id === place.trackId);
  if (trackIndex < 0) return { ok: false, problem: { code: 'place.unknown_track', value: place.trackId } };
  const track = definition.tracks[trackIndex];
  const sub = findSubdivision(track, place);
  if (!sub.ok) return sub;
  const topic = place.topicId ? track.topics.find((t) => t.id === place.topicId) : undefined;
  if (place.topicId && !topic) return { ok: false, problem: { code: 'place.unknown_topic', value: place.topicId } };
  if (!topic && track.topicRequired) return { ok: false, problem: { code: 'place.topic_required', value: track.name } };
  const zoneProblem = checkZone(definition, place.zoneId);
  if (zoneProblem) return { ok: false, problem: zoneProblem };

  const trackSource = `tracks[${trackIndex}].`;
  const layers = [
    { rules: definition.rules, source: '' },
    { rules: track.rules, source: trackSource },
    ...(sub.subdivision ? [{ rules: sub.subdivision.rules, source: `${trackSource}${sub.source}` }] : []),
  ];
  const { rules, sources } = mergeRules(layers);
  return {
    ok: true,
    scope: {
      track,
      subdivision: sub.subdivision,
      topic,
      rules,
      ruleSources: sources,
      works: nearestWorks(definition, track, sub.subdivision),
    },
  };
};

const nearestWorks = (definition: ContestDefinition, track: Track, subdivision?: Subdivision) => subdivision?.works ?? track.works ?? definition.works;

/**
 * The works a place asks for: the nearest `works` of its group or category, its track, or the
 * contest. Only the division decides them; topic and zone do not, so this does not check them.
 */
export const worksOfPlace = (definition: ContestDefinition, place: Pick<EntryPlace, 'trackId' | 'groupId' | 'categoryId'>): Works | undefined => {
  const track = definition.tracks.find((t) => t.id === place.trackId);
  if (!track) return undefined;
  const sub = findSubdivision(track, place);
  return sub.ok ? nearestWorks(definition, track, sub.subdivision) : undefined;
};

const findSubdivision = (
  track: Track,
  place: Pick<EntryPlace, 'groupId' | 'categoryId'>,
): { ok: true; subdivision?: Subdivision; source: string } | { ok: false; problem: ScopeProblem } => {
  if (track.groups.length > 0) {
    if (!place.groupId) return { ok: false, problem: { code: 'place.group_required', value: track.name } };
    const index = track.groups.findIndex((g) => g.id === place.groupId);
    if (index < 0) return { ok: false, problem: { code: 'place.unknown_group', value: place.groupId } };
    return { ok: true, subdivision: track.groups[index], source: `groups[${index}].` };
  }
  if (track.categories.length > 0) {
    if (!place.categoryId) return { ok: false, problem: { code: 'place.category_required', value: track.name } };
    const index = track.categories.findIndex((c) => c.id === place.categoryId);
    if (index < 0) return { ok: false, problem: { code: 'place.unknown_category', value: place.categoryId } };
    return { ok: true, subdivision: track.categories[index], source: `categories[${index}].` };
  }
  if (place.groupId) return { ok: false, problem: { code: 'place.unknown_group', value: place.groupId } };
  if (place.categoryId) return { ok: false, problem: { code: 'place.unknown_category', value: place.categoryId } };
  return { ok: true, source: '' };
};

const checkZone = (definition: ContestDefinition, zoneId?: string | null): ScopeProblem | undefined => {
  if (zoneId && !definition.zones.some((z) => z.id === zoneId)) return { code: 'place.unknown_zone', value: zoneId };
  if (!zoneId && definition.zoneRequired) return { code: 'place.zone_required', value: definition.zones.map((z) => z.name).join('、') };
  return undefined;
};
