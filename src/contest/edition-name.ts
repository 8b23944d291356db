import type { ContestDefinition, PhaseKind } from './schema/index.ts';
import { phaseKinds } from './views.ts';

/** The phases that decide the contest: the year it is called by is the year the last of them ends. */
const closingKinds: readonly PhaseKind[] = ['final', 'ceremony'];

/**
 * The year an edition is called by: the year its final or award ceremony ends, whichever is last.
 * A contest whose registration opens in December 2026 and whose final is in 2027 is the 2027 edition.
 * Without a final or ceremony (a works call), its last phase before any promotion afterwards.
 */
export const editionYear = (definition: Pick<ContestDefinition, 'phases'>): number => {
  const closing = definition.phases.filter((phase) => phaseKinds(phase).some((kind) => closingKinds.includes(kind)));
  const contestProper = definition.phases.filter((phase) => phase.kind !== 'promotion');
  const deciding = [closing, contestProper, definition.phases].find((phases) => phases.length > 0)!;
  return Math.max(...deciding.map((phase) => Number(phase.end.slice(0, 4))));
};

/** The year as a number of its own: 2025 in `card-2025` or `2025年`, never inside 20250 or 12025. */
const yearPattern = (year: number) => new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g');

const hasYear = (text: string, year: number) => yearPattern(year).test(text);

const replaceYear = (text: string, from: number, to: number) => text.replace(yearPattern(from), String(to));

export interface EditionNames {
  id: string;
  name: string;
  nameEn?: string;
  shortName?: string;
  edition?: string;
}

/**
 * The names of the edition of year `to`, from those of the edition of year `from`: the old year
 * replaced wherever it stands; where it does not, the new year is added (the id ends with it, the
 * names start with it, the edition label becomes it) so two editions are never named alike. A copy
 * within the same year keeps the id apart by its registration day (`…-2025-20250601`).
 */
export const editionNames = (names: EditionNames, from: number, to: number, registrationOpens: string): EditionNames => {
  const id = hasYear(names.id, from) ? replaceYear(names.id, from, to) : `${names.id}-${to}`;
  const renamed = (text: string, withYear: (text: string) => string) => (hasYear(text, from) ? replaceYear(text, from, to) : withYear(text));
  return {
    id: id === names.id ? `${names.id}-${registrationOpens.replaceAll('-', '')}` : id,
    name: renamed(names.name, (text) => `${to}年${text}`),
    nameEn: names.nameEn && renamed(names.nameEn, (text) => `${to} ${text}`),
    shortName: names.shortName && replaceYear(names.shortName, from, to),
    edition: names.edition && renamed(names.edition, () => String(to)),
  };
};

/** Words that say an edition is the first: true of the original, false of every copy. */
const firstEditionWords = /首届|第[一1]届|首次|第一次|\b(?:1st|first|inaugural)\b/giu;

export interface FlaggedWord {
  field: 'name' | 'nameEn' | 'shortName';
  word: string;
}

/**
 * The first-edition words (首届, 1st…) in a copy's names. They are neither kept nor dropped silently:
 * the organiser sees them and edits the name before the copy is made.
 */
export const flaggedWords = (names: Pick<EditionNames, 'name' | 'nameEn' | 'shortName'>): FlaggedWord[] =>
  (['name', 'nameEn', 'shortName'] as const).flatMap((field) => [...(names[field] ?? '').matchAll(firstEditionWords)].map(([word]) => ({ field, word })));
