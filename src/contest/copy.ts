import { isDeepStrictEqual } from 'node:util';
import { editionNames, editionYear, flaggedWords, type FlaggedWord } from './edition-name.ts';
import type { CarriedOverField, ContestDefinition } from './schema/index.ts';
import { phasesOfKind } from './views.ts';
import { daysBetween, shiftLocal } from './time.ts';

/** What the organiser may write over the names the rule proposes (首届 dropped, say). */
export interface EditionOverrides {
  name?: string;
  nameEn?: string;
}

export interface EditionProposal {
  definition: ContestDefinition;
  /** The year the copy is called by, and the one its original was (edition-name.ts). */
  year: number;
  previousYear: number;
  /** The first day of its first phase and the last day of its last, in the contest's time zone. */
  firstDay: string;
  lastDay: string;
  flagged: FlaggedWord[];
}

const carriable: readonly CarriedOverField[] = ['summary', 'announcement'];

/** A quoted sentence that names a day or a year (2025年5月12日, 9月28日, 2025-09-28): it would contradict the shifted window. */
const namesADay = /\d{4}\s*年|\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}-\d{2}-\d{2}/u;

/**
 * The next edition of an annual contest: the same definition with every date moved by the same
 * number of days, so each phase keeps its length and the gaps between phases stay as published.
 * Its id and names carry its own year (editionNames), or the organiser's names when given. The
 * summary and announcement still describe the previous edition, so they are marked carried over.
 */
export const proposeEdition = (definition: ContestDefinition, registrationOpens: string, overrides: EditionOverrides = {}): EditionProposal => {
  const registration = phasesOfKind(definition, 'registration')[0];
  const days = daysBetween(registration.start, registrationOpens);
  const copy = structuredClone(definition);
  const phases = copy.phases.map((phase) => ({
    ...phase,
    start: shiftLocal(phase.start, days),
    end: shiftLocal(phase.end, days),
    // The published wording named the old dates; the shifted window speaks for itself.
    asPublished: undefined,
    quote: phase.quote && namesADay.test(phase.quote) ? undefined : phase.quote,
  }));
  const previousYear = editionYear(definition);
  const year = editionYear({ phases });
  const names = { ...editionNames(definition, previousYear, year, registrationOpens), ...definedOnly(overrides) };
  const carriedOver = carriable.filter((field) => definition[field] !== undefined);
  const edges = phases.flatMap((phase) => [phase.start.slice(0, 10), phase.end.slice(0, 10)]).sort();
  return {
    definition: { ...copy, ...names, phases, ...(carriedOver.length > 0 && { carriedOver }) },
    year,
    previousYear,
    firstDay: edges[0],
    lastDay: edges[edges.length - 1],
    flagged: flaggedWords(names),
  };
};

export const copyEdition = (definition: ContestDefinition, registrationOpens: string, overrides: EditionOverrides = {}): ContestDefinition =>
  proposeEdition(definition, registrationOpens, overrides).definition;

const definedOnly = (overrides: EditionOverrides) => Object.fromEntries(Object.entries(overrides).filter(([, value]) => value !== undefined));

/**
 * A new version of a contest keeps a carried-over mark only on the texts it leaves as they were:
 * publishing a new summary or announcement is the organiser replacing the previous edition's.
 */
export const settleCarriedOver = (previous: ContestDefinition | undefined, next: ContestDefinition): ContestDefinition => {
  if (!previous || !next.carriedOver) return next;
  const { carriedOver, ...rest } = next;
  const kept = carriedOver.filter((field) => next[field] !== undefined && isDeepStrictEqual(previous[field], next[field]));
  return kept.length > 0 ? { ...rest, carriedOver: kept } : rest;
};
