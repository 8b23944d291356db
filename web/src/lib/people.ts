import type { PersonView } from '../api/types.ts';

/** A person's phone, email and ID number as the reply gives them (masked unless theirs or revealed), on one line. */
export const contactLine = (person: Pick<PersonView, 'phone' | 'email' | 'idNumber'>) => [person.phone, person.email, person.idNumber].filter(Boolean).join(' · ');
