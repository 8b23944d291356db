import { useI18n } from '../i18n.ts';

/** A division's name as the contest names it, in the reader's language; its id where the contest has no such division. */
export const useDivisionName = (divisions: readonly { id: string; name: string; nameEn?: string }[]) => {
  const { name } = useI18n();
  return (id: string) => {
    const division = divisions.find((d) => d.id === id);
    return division ? name(division) : id;
  };
};
