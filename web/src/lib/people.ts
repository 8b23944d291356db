import type { PersonView } from '../api/types.ts';

/** A person's phone, email and ID number as the reply gives them (masked unless theirs or revealed), on one line. */
export const contactLine = (person: Pick<PersonView, 'phone' | 'email' | 'idNumber'>) =>
  [person.phone, person.email, person.idNumber].filter(Boolean).join(' · ');

/**
 * The tel: link of a phone number shown in full (digits, spaces, dashes, a leading +), so a phone can
 * call it with a tap; null for a masked one (138****1234), which is not a number anyone can call.
 */
export const telHref = (phone: string | undefined): string | null => {
  const shown = phone?.trim();
  if (!shown || !/^\+?[0-9][0-9 -]{4,}$/.test(shown)) return null;
  return `tel:${shown.replace(/[ -]/g, '')}`;
};
