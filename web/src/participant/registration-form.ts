import type {
  ContestView,
  Eligibility,
  EntrantKind,
  OrganisationInput,
  PersonInput,
  RegistrationInput,
  RegistrationView,
  SubView,
  TrackView,
} from '../api/types.ts';

/**
 * What the registration form shows for a place in the contest. The server decides who may enter;
 * these helpers only read what the contest publishes (which tracks, groups, kinds of entrant, rules)
 * to decide which fields to show, and tidy the input before it is sent.
 */

export interface Place {
  track?: TrackView;
  sub?: SubView;
  /** The rules in force where the entry would register: the group's or category's, else the track's. */
  eligibility?: Eligibility;
}

export const placeOf = (contest: ContestView, input: Pick<RegistrationInput, 'trackId' | 'groupId' | 'categoryId'>): Place => {
  const track = contest.tracks.find((t) => t.id === input.trackId);
  if (!track) return {};
  const sub = track.groups.find((g) => g.id === input.groupId) ?? track.categories.find((c) => c.id === input.categoryId);
  const needsSub = track.groups.length > 0 || track.categories.length > 0;
  return { track, sub, eligibility: sub?.eligibility ?? (needsSub ? undefined : track.eligibility) };
};

export interface Layout {
  teamName: boolean;
  members: boolean;
  advisors: boolean;
  organisations: boolean;
  /** Which optional person fields the contest's rules ask about. */
  person: { student: boolean; experience: boolean; employerType: boolean };
}

export const layoutOf = (eligibility: Eligibility | undefined, entrantKind: EntrantKind): Layout => {
  const advisorsAllowed = (eligibility?.advisors?.max ?? 0) > 0;
  return {
    teamName: entrantKind === 'team',
    members: entrantKind === 'team',
    advisors: entrantKind !== 'organisation' && advisorsAllowed,
    organisations: entrantKind === 'organisation',
    person: {
      student: eligibility?.studentsOnly ?? false,
      experience: eligibility?.minExperienceYears !== undefined,
      employerType: eligibility?.rules.some((r) => r.rule === 'excludedEmployers') ?? false,
    },
  };
};

export const emptyPerson = (): PersonInput => ({ name: '', phone: '', email: '', idNumber: '' });

export const emptyOrganisation = (isLead: boolean): OrganisationInput => ({
  name: '',
  type: 'enterprise',
  isLead,
  hasLegalEntity: true,
  creditCode: '',
});

/** A blank form; a track, group or zone is chosen already where the contest has only one. */
export const emptyInput = (contest: ContestView): RegistrationInput => {
  const base: RegistrationInput = {
    title: '',
    trackId: contest.tracks.length === 1 ? contest.tracks[0].id : '',
    entrantKind: 'team',
    teamName: '',
    leader: emptyPerson(),
    members: [],
    advisors: [],
    organisations: [],
    declarations: [],
  };
  return withPlace(contest, base, { trackId: base.trackId, zoneId: contest.zones.length === 1 ? contest.zones[0].id : undefined });
};

/**
 * Moves the entry to another track, group, category, topic or zone. Choices below a changed one are
 * cleared, a single choice is taken, and the entrant kind moves to one the new place allows.
 */
export const withPlace = (
  contest: ContestView,
  input: RegistrationInput,
  change: Partial<Pick<RegistrationInput, 'trackId' | 'groupId' | 'categoryId' | 'topicId' | 'zoneId'>>,
): RegistrationInput => {
  let next: RegistrationInput = { ...input, ...change };
  if ('trackId' in change && change.trackId !== input.trackId) {
    next = { ...next, groupId: undefined, categoryId: undefined, topicId: undefined };
  }
  const track = contest.tracks.find((t) => t.id === next.trackId);
  if (track) {
    if (!next.groupId && track.groups.length === 1) next.groupId = track.groups[0].id;
    if (!next.categoryId && track.categories.length === 1) next.categoryId = track.categories[0].id;
  }
  const kinds = placeOf(contest, next).eligibility?.entrantKinds;
  if (kinds && kinds.length > 0 && !kinds.includes(next.entrantKind)) next.entrantKind = kinds[0];
  for (const key of ['groupId', 'categoryId', 'topicId', 'zoneId'] as const) if (!next[key]) delete next[key];
  return next;
};

/** The field names the form shows, so a problem whose path names none of them shows at the top. */
export const knownFields = (input: RegistrationInput, layout: Layout): Set<string> => {
  const personKeys = ['name', 'phone', 'email', 'idNumber', 'employer', 'isFullTimeStudent', 'school', 'employerType', 'experienceYears'];
  const names = ['title', 'trackId', 'groupId', 'categoryId', 'topicId', 'zoneId', 'entrantKind', 'declarations', 'leader'];
  if (layout.teamName) names.push('teamName');
  const people = (list: 'members' | 'advisors', rows: PersonInput[]) => {
    names.push(list);
    rows.forEach((_, i) => {
      names.push(`${list}.${i}`);
      for (const key of personKeys) names.push(`${list}.${i}.${key}`);
    });
  };
  for (const key of personKeys) names.push(`leader.${key}`);
  if (layout.members) people('members', input.members);
  if (layout.advisors) people('advisors', input.advisors);
  if (layout.organisations) {
    names.push('organisations');
    input.organisations.forEach((_, i) => {
      names.push(`organisations.${i}`);
      for (const key of ['name', 'type', 'isLead', 'hasLegalEntity', 'creditCode']) names.push(`organisations.${i}.${key}`);
    });
  }
  return new Set(names);
};

const trimmed = (text: string | undefined) => {
  const value = text?.trim();
  return value ? value : undefined;
};

const cleanPerson = (person: PersonInput, layout: Layout): PersonInput => {
  const clean: PersonInput = { name: person.name.trim() };
  for (const key of ['phone', 'email', 'idNumber', 'employer'] as const) {
    const value = trimmed(person[key]);
    if (value) clean[key] = value;
  }
  if (layout.person.student) {
    clean.isFullTimeStudent = person.isFullTimeStudent ?? false;
    const school = trimmed(person.school);
    if (school) clean.school = school;
  }
  if (layout.person.employerType && person.employerType) clean.employerType = person.employerType;
  if (layout.person.experience && person.experienceYears !== undefined && !Number.isNaN(person.experienceYears)) {
    clean.experienceYears = person.experienceYears;
  }
  return clean;
};

/** The request to send: only the parts the chosen kind of entrant has, text trimmed, empty optionals left out. */
export const toRequest = (input: RegistrationInput, layout: Layout): RegistrationInput => {
  const request: RegistrationInput = {
    title: input.title.trim(),
    trackId: input.trackId,
    entrantKind: input.entrantKind,
    leader: cleanPerson(input.leader, layout),
    members: layout.members ? input.members.map((p) => cleanPerson(p, layout)) : [],
    advisors: layout.advisors ? input.advisors.map((p) => cleanPerson(p, layout)) : [],
    organisations: layout.organisations
      ? input.organisations.map((o) => ({
          name: o.name.trim(),
          type: o.type,
          isLead: o.isLead,
          hasLegalEntity: o.hasLegalEntity,
          ...(trimmed(o.creditCode) ? { creditCode: trimmed(o.creditCode) } : {}),
        }))
      : [],
    declarations: [...input.declarations],
  };
  for (const key of ['groupId', 'categoryId', 'topicId', 'zoneId'] as const) if (input[key]) request[key] = input[key];
  if (layout.teamName && trimmed(input.teamName)) request.teamName = trimmed(input.teamName);
  return request;
};

const personInput = ({ status: _status, ...person }: PersonInput & { status?: string }): PersonInput => ({ ...emptyPerson(), ...person });

/** A form prefilled from a registration, for editing it. */
export const inputFromRegistration = (registration: RegistrationView): RegistrationInput => ({
  title: registration.title,
  trackId: registration.track.id,
  ...(registration.group ? { groupId: registration.group.id } : {}),
  ...(registration.category ? { categoryId: registration.category.id } : {}),
  ...(registration.topic ? { topicId: registration.topic.id } : {}),
  ...(registration.zone ? { zoneId: registration.zone.id } : {}),
  entrantKind: registration.entrantKind,
  teamName: registration.teamName ?? '',
  leader: personInput(registration.leader),
  members: registration.members.map(personInput),
  advisors: registration.advisors.map(personInput),
  organisations: registration.organisations.map((o) => ({ ...o, creditCode: o.creditCode ?? '' })),
  declarations: [...registration.declarations],
});

/** The sentence the contest publishes for a rule in force here (团队不超过 10 人（含负责人）), if any. */
export const ruleTexts = (eligibility: Eligibility | undefined, ...rules: string[]) => (eligibility?.rules ?? []).filter((r) => rules.includes(r.rule));
