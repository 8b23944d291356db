import { comparableText } from '../../platform/text.ts';
import { placeName, personIdentifiers, problem, ruleOf, ruleSource, teamPeople, toExistingEntry, type Check, type ExistingEntry } from './context.ts';

/** "禁止不同参赛团队共用相同队员": nobody on this team is on another active team of the contest. */
export const checkExclusiveMembers: Check = ({ entry, scope, others }) => {
  const rule = ruleOf(scope, 'exclusiveMembers');
  if (!rule) return [];
  return teamPeople(entry).flatMap(({ person, path, label }) => {
    const ids = new Set(personIdentifiers(person));
    const other = others.find((o) => o.memberIdentifiers.some((member) => member.some((id) => ids.has(id))));
    if (!other) return [];
    const team = other.teamName ?? other.title;
    const [zh, en] = other.disclosed
      ? [`已是团队「${team}」（${other.ref}）的成员`, `is already on the team "${team}" (${other.ref})`]
      : ['已是本赛事另一支团队的成员', 'is already on another team of this contest'];
    return [
      problem(
        'team.member_in_other_team',
        `${label.zh} ${person.name} ${zh}，不同团队不得共用队员`,
        `${label.en} ${person.name} ${en}; teams may not share members`,
        { path: `${path}.name`, rule: ruleSource(scope, rule) },
      ),
    ];
  });
};

/** Everyone who entered the work: the team's people and, for an organisation entry, its lead organisation. */
const peopleOfEntry = (entry: ExistingEntry) => [...entry.memberIdentifiers.flat(), ...entry.entrantIdentifiers];

/**
 * "每个作品只能参加一个奖项评选": the same work may not be entered twice. The same work is the same
 * title (compared as `comparableText`, so a zero-width space or a traditional character changes
 * nothing) entered by anyone of the same team: swapping the leader with a member does not make it
 * another work.
 */
export const checkOneEntryPerWork: Check = ({ entry, scope, others }) => {
  const rule = ruleOf(scope, 'oneEntryPerWork');
  if (!rule) return [];
  const people = new Set(peopleOfEntry(toExistingEntry('', '', entry)));
  const title = comparableText(entry.title);
  const twin = others.find((o) => comparableText(o.title) === title && peopleOfEntry(o).some((id) => people.has(id)));
  if (!twin) return [];
  const place = placeName(scope);
  const [zh, en] = twin.disclosed ? [`（${twin.ref}）`, ` (${twin.ref})`] : ['', ''];
  return [
    problem(
      'entry.already_entered',
      `作品「${entry.title}」已报名${zh}，每个作品只能参加一个奖项评选，不能再报${place.zh}`,
      `The work "${entry.title}" is already entered${en}; a work may compete for one award only, so it cannot also enter ${place.en}`,
      { path: 'title', rule: ruleSource(scope, rule) },
    ),
  ];
};
