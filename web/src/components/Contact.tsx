import type { PersonView } from '../api/types.ts';
import { telHref } from '../lib/people.ts';

/** A person's phone, email and ID number on one line; a phone shown in full is tap-to-call, a masked one plain text. */
export const Contact = ({ person }: { person: Pick<PersonView, 'phone' | 'email' | 'idNumber'> }) => {
  const parts = [person.phone, person.email, person.idNumber].filter((part): part is string => Boolean(part));
  const tel = telHref(person.phone);
  return (
    <>
      {parts.map((part, i) => (
        <span key={i}>
          {i > 0 && ' · '}
          {part === person.phone && tel ? (
            <a href={tel} data-testid="tel-link">
              {part}
            </a>
          ) : (
            part
          )}
        </span>
      ))}
    </>
  );
};
