/**
 * A demo edition whose phase runs today: the review and the vote in progress (review.ts, voting.ts)
 * are each a copy of a seed's current edition, shifted so that today falls a few days into the
 * phase, with sample teams that registered while registration was open.
 */
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { copyContestEdition, getContest, proposeContestEdition, type StoredContest } from '../contest/service.ts';
import { daysBetween, localDateAt, shiftLocal } from '../contest/time.ts';
import { phasesOfKind } from '../contest/views.ts';
import type { Account } from '../platform/auth/service.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { registerSample, type DemoWorks } from './register-sample.ts';
import type { Sample } from './samples.ts';

export interface EditionInPhase {
  phaseId: string;
  /** Today falls this many days into the phase: its first days are behind, most of it ahead. */
  daysInto: number;
  /** What the copy's name gains, e.g. 评审演示 and review demo. */
  suffix: { zh: string; en: string };
}

/**
 * The edition's registration opens so that today falls `daysInto` days into the phase. It is copied
 * from the current edition, so its id cannot be the current edition's: in the same year the copy's
 * id carries its opening day (…-2027-20260830, edition-name.ts), in another the year differs. It is
 * made a week before its registration opened, as an organiser would have: the current edition, made
 * now, stays the newest of the seed's editions, the one their pages point to.
 */
export async function copyEditionInPhase(
  db: Kysely<Database>,
  source: StoredContest,
  wanted: EditionInPhase,
  actor: string,
  clock: Clock,
): Promise<StoredContest> {
  const { definition } = source;
  const registration = phasesOfKind(definition, 'registration')[0];
  const phase = definition.phases.find((p) => p.id === wanted.phaseId)!;
  const today = localDateAt(clock.now(), definition.timeZone);
  const opens = shiftLocal(today, -(daysBetween(registration.start, phase.start) + wanted.daysInto));
  const madeAt = fixedClock(DateTime.fromISO(opens, { zone: definition.timeZone }).minus({ days: 7 }).set({ hour: 10 }).toJSDate());
  const proposed = (await proposeContestEdition(db, definition.id, opens, madeAt)).definition;
  const names = { name: `${proposed.name}（${wanted.suffix.zh}）`, nameEn: proposed.nameEn && `${proposed.nameEn} (${wanted.suffix.en})` };
  const copy = await copyContestEdition(db, definition.id, opens, actor, madeAt, { ...names, isDemo: true });
  return getContest(db, copy.id);
}

/** The teams apply a day apart, from the fifth day of registration, as the participant. */
export async function registerTeams(db: Kysely<Database>, edition: StoredContest, teams: readonly Sample[], participant: Account, works: DemoWorks) {
  const { start } = phasesOfKind(edition.definition, 'registration')[0];
  const opened = DateTime.fromISO(start.slice(0, 10), { zone: edition.definition.timeZone }).set({ hour: 10 });
  for (const [i, team] of teams.entries()) {
    await registerSample(db, edition, team, { account: participant, clock: fixedClock(opened.plus({ days: 4 + i }).toJSDate()) }, works);
  }
}
