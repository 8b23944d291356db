import { count } from '../../platform/plural.ts';
import { comparableText } from '../../platform/text.ts';
import { isValidIdNumber, isValidMobile } from '../identity.ts';
import type { PersonInput } from '../schema.ts';
import { problem, quoted, ruleOf, ruleSource, placeName, teamPeople, personIdentifiers, type Check } from './context.ts';

interface Listed {
  person: PersonInput;
  path: string;
  label: { zh: string; en: string };
}

/** Every person the entry lists, advisors included, with the path of their fields in the form. */
const everyone = (entry: Parameters<Check>[0]['entry']): Listed[] => [
  { person: entry.leader, path: 'leader', label: { zh: '负责人', en: 'leader' } },
  ...entry.members.map((person, i) => ({ person, path: `members[${i}]`, label: { zh: '成员', en: 'member' } })),
  ...entry.advisors.map((person, i) => ({ person, path: `advisors[${i}]`, label: { zh: '指导老师', en: 'advisor' } })),
];

/** Formats every person must meet wherever they enter: a mainland mobile, a valid ID number, a way to be identified. */
export const checkPersonDetails: Check = ({ entry }) =>
  everyone(entry).flatMap(({ person, path, label }) => {
    const found = [];
    if (person.phone && !isValidMobile(person.phone)) {
      found.push(
        problem(
          'person.invalid_phone',
          `${label.zh} ${person.name} 的手机号 ${person.phone} 不是有效的中国大陆手机号`,
          `The phone number ${person.phone} of ${label.en} ${person.name} is not a valid mainland mobile number`,
          { path: `${path}.phone` },
        ),
      );
    }
    if (person.idNumber && !isValidIdNumber(person.idNumber)) {
      found.push(
        problem(
          'person.invalid_id_number',
          `${label.zh} ${person.name} 的身份证号 ${person.idNumber} 校验不通过（GB 11643）`,
          `The ID number ${person.idNumber} of ${label.en} ${person.name} fails the GB 11643 check`,
          { path: `${path}.idNumber` },
        ),
      );
    }
    if (path === 'leader' && !person.phone) {
      found.push(problem('person.phone_required', '请填写负责人手机号，用于联系', 'The leader needs a phone number to be contacted', { path: 'leader.phone' }));
    } else if (personIdentifiers(person).length === 0) {
      found.push(
        problem(
          'person.identifier_required',
          `请为${label.zh} ${person.name} 填写手机号、身份证号或邮箱之一`,
          `Give a phone, ID number or email for ${label.en} ${person.name}`,
          { path: `${path}.phone` },
        ),
      );
    }
    return found;
  });

/** The same person listed twice in one entry (by any identifier). */
export const checkNoDuplicatePeople: Check = ({ entry }) => {
  const seen = new Map<string, Listed>();
  return everyone(entry).flatMap((listed) => {
    const earlier = personIdentifiers(listed.person)
      .map((id) => seen.get(id))
      .find(Boolean);
    for (const id of personIdentifiers(listed.person)) seen.set(id, listed);
    if (!earlier) return [];
    return [
      problem(
        'person.listed_twice',
        `${listed.person.name} 与${earlier.label.zh} ${earlier.person.name} 是同一人（证件号、手机号或邮箱相同）`,
        `${listed.person.name} is the same person as ${earlier.label.en} ${earlier.person.name} (same ID number, phone or email)`,
        { path: `${listed.path}.name` },
      ),
    ];
  });
};

export const checkStudentsOnly: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'studentsOnly');
  if (!rule) return [];
  const place = placeName(scope);
  const people = entry.entrantKind === 'organisation' ? [] : teamPeople(entry);
  return people
    .filter(({ person }) => person.isFullTimeStudent !== true)
    .map(({ person, path, label }) =>
      problem(
        'eligibility.not_student',
        `${label.zh} ${person.name} 不是全日制在校生；${place.zh}仅限全日制在校生`,
        `${label.en} ${person.name} is not a full-time student; ${place.en} is for full-time students only`,
        { path: `${path}.isFullTimeStudent`, rule: ruleSource(scope, rule) },
      ),
    );
};

export const checkMinExperience: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'minExperienceYears');
  if (!rule) return [];
  return teamPeople(entry)
    .filter(({ person }) => (person.experienceYears ?? 0) < rule.years)
    .map(({ person, path, label }) => {
      const years = person.experienceYears;
      const zhValue = years === undefined ? '未填写工作年限' : `工作经验 ${years} 年`;
      const enValue = years === undefined ? 'gives no work experience' : `has ${count(years, 'year')} of work experience`;
      return problem(
        'eligibility.experience_too_short',
        `${label.zh} ${person.name} ${zhValue}，要求至少 ${rule.years} 年`,
        `${label.en} ${person.name} ${enValue}; at least ${count(rule.years, 'year')} required`,
        { path: `${path}.experienceYears`, rule: ruleSource(scope, rule) },
      );
    });
};

export const checkExcludedEmployers: Check = ({ entry, scope }) => {
  const rule = ruleOf(scope, 'excludedEmployers');
  if (!rule) return [];
  const excluded = (person: PersonInput) =>
    (person.employerType && rule.organisationTypes.includes(person.employerType)) ||
    (person.employer && rule.nameContains.some((word) => comparableText(person.employer!).includes(comparableText(word))));
  return teamPeople({ ...entry, entrantKind: entry.entrantKind === 'organisation' ? 'team' : entry.entrantKind })
    .filter(({ person }) => excluded(person))
    .map(({ person, path, label }) =>
      problem(
        'eligibility.excluded_employer',
        `${label.zh} ${person.name} 任职于 ${person.employer ?? person.employerType}；${rule.description}不可报名`,
        `${label.en} ${person.name} works for ${person.employer ?? person.employerType}; not open to ${quoted(rule.description)}`,
        { path: `${path}.employer`, rule: ruleSource(scope, rule) },
      ),
    );
};
