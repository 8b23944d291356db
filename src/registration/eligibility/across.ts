import { placeName, personIdentifiers, problem, ruleOf, ruleSource, teamPeople, entrantIdentifiers, type Check } from './context.ts';

/** "禁止不同参赛团队共用相同队员": nobody on this team is on another active team of the contest. */
export const checkExclusiveMembers: Check = ({ entry, scope, others }) => {
  const rule = ruleOf(scope, 'exclusiveMembers');
  if (!rule) return [];
  return teamPeople(entry).flatMap(({ person, path, label }) => {
    const ids = new Set(personIdentifiers(person));
    const other = others.find((o) => o.memberIdentifiers.some((member) => member.some((id) => ids.has(id))));
    if (!other) return [];
    const team = other.teamName ?? other.title;
    return [
      problem('team.member_in_other_team', `${label.zh} ${person.name} 已是团队「${team}」（${other.ref}）的成员，不同团队不得共用队员`, `${label.en} ${person.name} is already on the team "${team}" (${other.ref}); teams may not share members`, { path: `${path}.name`, rule: ruleSource(scope, rule) }),
    ];
  });
};

const normaliseTitle = (title: string) => title.normalize('NFKC').replace(/[\s《》「」“”"']/g, '').toLowerCase();

/** "每个作品只能参加一个奖项评选": the same entrant may not enter the same work twice. */
export const checkOneEntryPerWork: Check = ({ entry, scope, others }) => {
  const rule = ruleOf(scope, 'oneEntryPerWork');
  if (!rule) return [];
  const entrant = new Set(entrantIdentifiers(entry));
  const title = normaliseTitle(entry.title);
  const twin = others.find((o) => normaliseTitle(o.title) === title && o.entrantIdentifiers.some((id) => entrant.has(id)));
  if (!twin) return [];
  const place = placeName(scope);
  return [
    problem('entry.already_entered', `作品「${entry.title}」已报名（${twin.ref}），每个作品只能参加一个奖项评选，不能再报${place.zh}`, `The work "${entry.title}" is already entered (${twin.ref}); a work may compete for one award only, so it cannot also enter ${place.en}`, { path: 'title', rule: ruleSource(scope, rule) }),
  ];
};
