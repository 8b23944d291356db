import type { ContestDefinition } from './schema/index.ts';
import { phasesOfKind } from './views.ts';
import { daysBetween, shiftLocal } from './time.ts';

/**
 * The next edition of an annual contest: the same definition with every date moved by the same
 * number of days, so each phase keeps its length and the gaps between phases stay as published.
 * The edition year in the id, name and edition label follows the new registration year.
 */
export const copyEdition = (definition: ContestDefinition, registrationOpens: string): ContestDefinition => {
  const registration = phasesOfKind(definition, 'registration')[0];
  const days = daysBetween(registration.start, registrationOpens);
  const oldYear = registration.start.slice(0, 4);
  const newYear = registrationOpens.slice(0, 4);
  const renameYear = (text: string) => (oldYear === newYear ? text : text.replaceAll(oldYear, newYear));
  const copy = structuredClone(definition);
  const idBase = renameYear(definition.id);
  return {
    ...copy,
    id: idBase === definition.id ? `${definition.id}-${registrationOpens.replaceAll('-', '')}` : idBase,
    name: renameYear(definition.name),
    nameEn: definition.nameEn && renameYear(definition.nameEn),
    edition: definition.edition && renameYear(definition.edition),
    phases: copy.phases.map((phase) => ({
      ...phase,
      start: shiftLocal(phase.start, days),
      end: shiftLocal(phase.end, days),
      // The published wording named the old dates; the shifted window speaks for itself.
      asPublished: undefined,
    })),
  };
};
