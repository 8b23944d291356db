import type { EditionProposal } from './copy.ts';
import { describeRule } from './describe-rule.ts';
import { divisionsOf } from './divisions.ts';
import { mergeRules } from './scope.ts';
import { contestStage } from './stage.ts';
import type { ContestDefinition, EligibilityRule, Works } from './schema/index.ts';
import type { EditionLink, StoredContest } from './service.ts';
import { divisionIdsOfGroup, divisions, isPhaseOpen, phasesAt, phasesOfKind, presentPhase, prizePoolCny } from './views.ts';

/** What the contest pages and API show: explicit fields, computed for the moment asked about. */

const registrationWindow = (definition: ContestDefinition, at: Date) => {
  const phase = phasesOfKind(definition, 'registration')[0];
  const { start, end } = presentPhase(definition, phase);
  return { open: isPhaseOpen(definition, 'registration', at), stage: contestStage(definition, at), start, end };
};

export const presentContestListItem = ({ definition, editionOf, isDemo }: StoredContest, at: Date) => ({
  id: definition.id,
  name: definition.name,
  nameEn: definition.nameEn,
  format: definition.format,
  theme: definition.theme,
  editionOf,
  isDemo,
  timeZone: definition.timeZone,
  organisers: definition.organisers.map(({ role, name }) => ({ role, name })),
  registration: registrationWindow(definition, at),
  phasesNow: phasesAt(definition, at).map(({ id, name, kind }) => ({ id, name, kind })),
  prizePoolCny: prizePoolCny(definition),
  trackCount: definition.tracks.length,
  divisionCount: divisions(definition).length,
});

const presentEligibility = (rules: EligibilityRule[]) => {
  const find = <Name extends EligibilityRule['rule']>(name: Name) => rules.find((r) => r.rule === name) as Extract<EligibilityRule, { rule: Name }> | undefined;
  const teamSize = find('teamSize');
  const advisors = find('advisors');
  return {
    entrantKinds: find('entrantKinds')?.allowed ?? ['individual', 'team', 'organisation'],
    rules: rules
      .filter((r) => r.rule !== 'declarations')
      .map((rule) => {
        const { rule: name, quote, ...params } = rule;
        return { rule: name, text: describeRule(rule), quote, params };
      }),
    declarations: find('declarations')?.items ?? [],
    teamSize: teamSize && { min: teamSize.min, max: teamSize.max },
    advisors: advisors && { max: advisors.max },
    studentsOnly: Boolean(find('studentsOnly')),
    minExperienceYears: find('minExperienceYears')?.years,
    organisationTypes: find('organisationTypes')?.allowed,
    legalEntityOnly: Boolean(find('legalEntityOnly')),
  };
};

const presentWorks = (works?: Works) => works && { files: works.files, fields: works.fields, naming: works.naming, originality: works.originality };

const presentTracks = (definition: ContestDefinition) =>
  definition.tracks.map((track) => {
    const trackLayers = [
      { rules: definition.rules, source: '' },
      { rules: track.rules, source: '' },
    ];
    const presentSub = (sub: (typeof track.groups)[number]) => ({
      id: sub.id,
      name: sub.name,
      nameEn: sub.nameEn,
      description: sub.description,
      quote: sub.quote,
      eligibility: presentEligibility(mergeRules([...trackLayers, { rules: sub.rules, source: '' }]).rules),
      works: presentWorks(sub.works ?? track.works ?? definition.works),
      entrySchool: sub.entrySchool,
    });
    return {
      id: track.id,
      name: track.name,
      nameEn: track.nameEn,
      description: track.description,
      quote: track.quote,
      eligibility: presentEligibility(mergeRules(trackLayers).rules),
      groups: track.groups.map(presentSub),
      categories: track.categories.map(presentSub),
      topics: track.topics.map(({ id, name, nameEn, openChallenge, company, registration, closedReason, quote }) => ({
        id,
        name,
        nameEn,
        openChallenge,
        company,
        registration,
        closedReason,
        quote,
      })),
      topicRequired: track.topicRequired,
      openChallenges: track.openChallenges,
      topicCountAsPublished: track.topicCountAsPublished,
      works: presentWorks(track.works ?? definition.works),
    };
  });

const presentAwards = (definition: ContestDefinition) => {
  const names = new Map(divisionsOf(definition.tracks).map((d) => [d.id, d.name]));
  return {
    preTax: definition.awards.preTax,
    oneAwardPerEntry: definition.awards.oneAwardPerEntry,
    groups: definition.awards.groups.map((group) => {
      const ids = divisionIdsOfGroup(definition, group);
      return {
        divisions: ids === 'contest' ? ('contest' as const) : ids.map((id) => ({ id, name: names.get(id) ?? id })),
        quote: group.quote,
        tiers: group.tiers,
      };
    }),
  };
};

export interface EditionPlace {
  of: EditionLink | null;
  current: EditionLink;
}

export const presentContest = (stored: StoredContest, editions: EditionPlace, at: Date) => {
  const { definition } = stored;
  return {
    id: definition.id,
    name: definition.name,
    nameEn: definition.nameEn,
    format: definition.format,
    theme: definition.theme,
    themeEn: definition.themeEn,
    summary: definition.summary,
    edition: definition.edition,
    editionOf: stored.editionOf,
    editions,
    version: { number: stored.version, sha256: stored.sha256 },
    isDemo: stored.isDemo,
    announcement: definition.announcement,
    carriedOver: definition.carriedOver,
    organisers: definition.organisers,
    committees: definition.committees,
    prizePayer: definition.prizePayer,
    timeZone: definition.timeZone,
    free: definition.free,
    registrationOpen: isPhaseOpen(definition, 'registration', at),
    registration: registrationWindow(definition, at),
    phasesNow: phasesAt(definition, at).map((p) => p.id),
    phases: definition.phases.map((phase) => ({
      ...presentPhase(definition, phase),
      unpublished: phase.unpublished,
      online: phase.online,
      place: phase.place,
      quote: phase.quote,
    })),
    /** The contest-level rules and works, which every track keeps unless it says otherwise: the page shows them once. */
    eligibility: presentEligibility(definition.rules),
    works: presentWorks(definition.works),
    tracks: presentTracks(definition),
    zones: definition.zones.map(({ id, name, nameEn, coordinator }) => ({ id, name, nameEn, coordinator })),
    zoneRequired: definition.zoneRequired,
    divisions: divisions(definition),
    review: { rounds: definition.review.rounds },
    awards: presentAwards(definition),
    prizePoolCny: prizePoolCny(definition),
    support: definition.support,
    notes: definition.notes,
    contacts: definition.contacts,
  };
};

/** The edition a copy would make, as the organiser checks it before confirming. */
export const presentEditionProposal = ({ definition, year, previousYear, firstDay, lastDay, flagged }: EditionProposal) => ({
  id: definition.id,
  name: definition.name,
  nameEn: definition.nameEn,
  shortName: definition.shortName,
  edition: definition.edition,
  year,
  previousYear,
  firstDay,
  lastDay,
  flagged,
  carriedOver: definition.carriedOver ?? [],
});

export type ContestView = ReturnType<typeof presentContest>;
export type ContestListItem = ReturnType<typeof presentContestListItem>;
