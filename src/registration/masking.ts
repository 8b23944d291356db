import type { Problem } from '../platform/errors.ts';
import { canonicalPerson, isMasked, maskPerson } from './identity.ts';
import type { PersonInput, RegistrationInput } from './schema.ts';

const FIELDS = ['phone', 'idNumber', 'email'] as const;
const labels = {
  phone: { zh: '手机号', en: 'phone number' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  email: { zh: '邮箱', en: 'email' },
};

/** Everyone an entry lists, with the path of their fields in the form. */
const listed = (entry: RegistrationInput) => [
  { person: entry.leader, path: 'leader' },
  ...entry.members.map((person, i) => ({ person, path: `members[${i}]` })),
  ...entry.advisors.map((person, i) => ({ person, path: `advisors[${i}]` })),
];

/**
 * The entry as it will be checked and stored: phones and ID numbers canonical, masks restored.
 *
 * Replies show other people's phones, ID numbers and emails masked, and the edit form sends them back
 * as they were shown. A masked value means "unchanged": it takes the stored value of the person of the
 * same name whose value masks to it. A masked value with no such person (a new entry, or one typed by
 * hand) is refused, so a mask is never stored as if it were the value.
 */
export const prepareEntry = (entry: RegistrationInput, stored?: RegistrationInput): { entry: RegistrationInput; problems: Problem[] } => {
  const problems: Problem[] = [];
  const before = stored ? listed(stored).map(({ person }) => ({ person, masked: maskPerson(person) })) : [];
  const restore = (person: PersonInput, path: string): PersonInput => {
    const restored = canonicalPerson(person);
    for (const field of FIELDS) {
      const value = person[field];
      if (!value || !isMasked(value)) continue;
      const source = before.find((b) => b.person.name === person.name && b.masked[field] === value);
      if (source) restored[field] = source.person[field];
      else problems.push(unknownMask(person, field, path));
    }
    return restored;
  };
  const people = listed(entry).map(({ person, path }) => restore(person, path));
  const members = people.slice(1, 1 + entry.members.length);
  const advisors = people.slice(1 + entry.members.length);
  return { entry: { ...entry, leader: people[0], members, advisors }, problems };
};

const unknownMask = (person: PersonInput, field: (typeof FIELDS)[number], path: string): Problem => ({
  code: 'person.masked_value',
  message: {
    zh: `${person.name} 的${labels[field].zh}是隐藏后的显示值，请填写完整的${labels[field].zh}`,
    en: `The ${labels[field].en} of ${person.name} is the hidden form shown on screen; give the full ${labels[field].en}`,
  },
  path: `${path}.${field}`,
});
