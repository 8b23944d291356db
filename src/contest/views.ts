import type { LocalisedText } from '../platform/errors.ts';
import { divisionsOf, type Division } from './divisions.ts';
import type { AwardGroup, ContestDefinition, Phase } from './schema/index.ts';
import { isWithin, windowOf, windowToIso, type Window } from './time.ts';

/** Derived views of a definition: what pages, the CLI and services read instead of the raw file. */

export const divisions = (definition: ContestDefinition): Division[] => divisionsOf(definition.tracks);

export const divisionIdsOfGroup = (definition: ContestDefinition, group: AwardGroup): string[] | 'contest' => {
  if (group.divisions === 'contest') return 'contest';
  if (group.divisions === 'each') return divisions(definition).map((d) => d.id);
  return group.divisions;
};

/** The sum of all fixed prize money: each tier's count × prize, in every division it is given in. */
export const prizePoolCny = (definition: ContestDefinition): number =>
  definition.awards.groups.reduce((total, group) => {
    const ids = divisionIdsOfGroup(definition, group);
    const times = ids === 'contest' ? 1 : ids.length;
    const perDivision = group.tiers.reduce((sum, tier) => sum + (tier.count ?? 0) * (tier.prizeCny ?? 0), 0);
    return total + times * perDivision;
  }, 0);

export const phaseKinds = (phase: Phase) => [phase.kind, ...(phase.alsoKinds ?? [])];

/**
 * Windows of the frozen phases of stored versions (versions/cache.ts), computed once: time-zone
 * arithmetic is most of what the contest list costs. A phase that can still change is never kept.
 */
const windows = new WeakMap<Phase, { zone: string; window: Window }>();

export const phaseWindow = (definition: ContestDefinition, phase: Phase): Window => {
  const known = windows.get(phase);
  if (known?.zone === definition.timeZone) return known.window;
  const window = windowOf(phase, definition.timeZone);
  if (Object.isFrozen(phase)) windows.set(phase, { zone: definition.timeZone, window });
  return window;
};

export const phasesAt = (definition: ContestDefinition, at: Date): Phase[] => definition.phases.filter((phase) => isWithin(phaseWindow(definition, phase), at));

export const phasesOfKind = (definition: ContestDefinition, kind: Phase['kind']) => definition.phases.filter((phase) => phaseKinds(phase).includes(kind));

export const isPhaseOpen = (definition: ContestDefinition, kind: Phase['kind'], at: Date) =>
  phasesAt(definition, at).some((phase) => phaseKinds(phase).includes(kind));

export const presentPhase = (definition: ContestDefinition, phase: Phase) => ({
  id: phase.id,
  kind: phase.kind,
  kinds: phaseKinds(phase),
  name: phase.name,
  nameEn: phase.nameEn,
  ...windowToIso(phaseWindow(definition, phase)),
  asPublished: phase.asPublished,
});

/**
 * Why registration is closed at `at`, naming its window in the contest's time zone; undefined while
 * it is open. The server's refusal and the CLI's batch check say the same.
 */
export const registrationClosedAt = (definition: ContestDefinition, at: Date): LocalisedText | undefined => {
  if (isPhaseOpen(definition, 'registration', at)) return undefined;
  const phase = phasesOfKind(definition, 'registration')[0];
  const { start, end } = presentPhase(definition, phase);
  return {
    zh: `不在报名时间内：${phase.name}为 ${start} 至 ${end}（${definition.timeZone}）`,
    en: `Registration is closed: ${phase.nameEn ?? phase.name} runs from ${start} to ${end} (${definition.timeZone})`,
  };
};

/** The summary `leitai contest check --json` prints. */
export const summarise = (definition: ContestDefinition, at?: Date) => ({
  id: definition.id,
  name: definition.name,
  nameEn: definition.nameEn,
  format: definition.format,
  timeZone: definition.timeZone,
  tracks: definition.tracks.map((track) => ({
    id: track.id,
    name: track.name,
    groups: track.groups.map((g) => g.id),
    categories: track.categories.map((c) => c.id),
    topics: track.topics.map((t) => ({ id: t.id, name: t.name, registration: t.registration })),
  })),
  divisions: divisions(definition),
  zones: definition.zones.map((zone) => ({ id: zone.id, name: zone.name })),
  phases: definition.phases.map((phase) => presentPhase(definition, phase)),
  prizePoolCny: prizePoolCny(definition),
  ...(at ? { phaseAt: phasesAt(definition, at).map((phase) => phase.id) } : {}),
});
