import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { copyContestEdition, findContests, type StoredContest } from '../contest/service.ts';
import { daysBetween, localDateAt } from '../contest/time.ts';
import { phasesOfKind } from '../contest/views.ts';
import { accountByEmail, createAccount, grantRole, loadAccount, type Account } from '../platform/auth/service.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { countRegistrationsOfContest } from '../registration/service.ts';
import { registerSample, type DemoWorks } from './register-sample.ts';
import { prepareReviewDemo } from './review.ts';
import { prepareVotingDemo } from './voting.ts';
import { demoSamples } from './samples.ts';

/** The accounts `npm start` creates and prints, so a newcomer can sign in at once. */
export const DEMO_ORGANISER = { email: 'organiser@leitai.demo', password: 'leitai-demo', displayName: '演示主办方 Demo organiser' };
export const DEMO_COORDINATOR = { email: 'zhangjiakou@leitai.demo', password: 'leitai-demo', displayName: '张家口赛区 Demo coordinator' };
export const DEMO_PARTICIPANT = { email: 'participant@leitai.demo', password: 'leitai-demo', displayName: '演示参赛者 Demo participant' };
export const DEMO_JUDGE = { email: 'judge@leitai.demo', password: 'leitai-demo', displayName: '演示评委 Demo judge' };

/** Where the judges' invitation links in the outbox point: `npm start` serves here unless PORT says otherwise. */
export const DEMO_ORIGIN = 'http://localhost:3000';

/**
 * Makes a fresh data directory look like a living platform: demo accounts, a current edition of
 * every seed (dates shifted so registration is open today), sample registrations on each
 * contest's theme, and a review in progress that the demo judge scores (review.ts).
 * Idempotent: what exists is left alone, so restarts keep the user's clicks.
 */
export async function prepareDemo(db: Kysely<Database>, clock: Clock, log: (line: string) => void, works: DemoWorks, origin = DEMO_ORIGIN) {
  // Hashing a password takes a core for a fifth of a second: the four accounts hash side by side.
  const [anOrganiser, participant, coordinator, judge] = await Promise.all(
    [DEMO_ORGANISER, DEMO_PARTICIPANT, DEMO_COORDINATOR, DEMO_JUDGE].map((demo) => ensureAccount(db, demo, clock)),
  );
  const organiser = await asOrganiser(db, anOrganiser, clock);

  const editions = await ensureCurrentEditions(db, organiser.id, clock);
  for (const edition of editions) log(`new edition ${edition.id}, registration open now (copied from ${edition.editionOf})`);

  for (const contest of await findContests(db)) {
    if (contest.definition.zones.some((z) => z.id === 'zhangjiakou') && !coordinator.roles.some((r) => r.contestId === contest.definition.id)) {
      await grantRole(db, coordinator.id, { role: 'coordinator', contestId: contest.definition.id, zoneId: 'zhangjiakou' }, { actor: 'demo', clock });
    }
  }

  const added = await addSampleRegistrations(db, participant, clock, works);
  if (added > 0) log(`added ${added} sample registrations, marked 演示数据 / demo`);
  for (const line of await prepareReviewDemo(db, { organiser, participant, judge }, clock, works, origin)) log(line);
  for (const line of await prepareVotingDemo(db, { organiser, participant }, clock, works)) log(line);
  log(`demo organiser 演示主办方: ${DEMO_ORGANISER.email} / ${DEMO_ORGANISER.password}`);
  log(`demo zone coordinator 赛区: ${DEMO_COORDINATOR.email} / ${DEMO_COORDINATOR.password}`);
  log(`demo participant 参赛者: ${DEMO_PARTICIPANT.email} / ${DEMO_PARTICIPANT.password}`);
  log(`demo judge 评委: ${DEMO_JUDGE.email} / ${DEMO_JUDGE.password}`);
}

const ensureAccount = async (db: Kysely<Database>, demo: typeof DEMO_ORGANISER, clock: Clock): Promise<Account> => {
  const existing = await accountByEmail(db, demo.email);
  if (existing) return (await loadAccount(db, existing.id))!;
  return createAccount(db, { ...demo, demo: true }, clock);
};

/** The demo organiser organises every contest: read back once the role is given, so it acts as one. */
const asOrganiser = async (db: Kysely<Database>, organiser: Account, clock: Clock): Promise<Account> => {
  if (organiser.roles.length > 0) return organiser;
  await grantRole(db, organiser.id, { role: 'organiser', contestId: null }, { actor: 'demo', clock });
  return (await loadAccount(db, organiser.id))!;
};

/** Opens registration a little before today (half the window at most), so today falls inside it. */
export const registrationOpensFor = (contest: StoredContest, today: string) => {
  const registration = phasesOfKind(contest.definition, 'registration')[0];
  const length = daysBetween(registration.start, registration.end);
  const back = Math.min(14, Math.floor(length / 2));
  return DateTime.fromISO(today, { zone: 'UTC' }).minus({ days: back }).toISODate()!;
};

async function ensureCurrentEditions(db: Kysely<Database>, actor: string, clock: Clock) {
  const contests = await findContests(db);
  const seeds = contests.filter((c) => c.row.source_file && !c.editionOf);
  const made: { id: string; editionOf: string }[] = [];
  for (const seed of seeds) {
    if (contests.some((c) => c.editionOf === seed.definition.id)) continue;
    const today = localDateAt(clock.now(), seed.definition.timeZone);
    const edition = await copyContestEdition(db, seed.definition.id, registrationOpensFor(seed, today), actor, clock, { mayOpenInPast: true });
    made.push({ id: edition.id, editionOf: seed.definition.id });
  }
  return made;
}

/** Samples go in through the same service as any registration, so they obey every rule they show. */
async function addSampleRegistrations(db: Kysely<Database>, participant: Account, clock: Clock, works: DemoWorks) {
  let added = 0;
  for (const contest of await findContests(db)) {
    const samples = demoSamples[contest.editionOf ?? contest.definition.id] ?? [];
    if (samples.length === 0 || (await countRegistrationsOfContest(db, contest.definition.id)) > 0) continue;
    // A seed's own registration closed long ago: its samples are registered as of its second day.
    const registration = phasesOfKind(contest.definition, 'registration')[0];
    const when = contest.editionOf
      ? clock
      : fixedClock(DateTime.fromISO(registration.start, { zone: contest.definition.timeZone }).plus({ days: 1, hours: 10 }).toJSDate());
    for (const sample of samples) {
      await registerSample(db, contest, sample, { account: participant, clock: when }, works);
      added += 1;
    }
  }
  return added;
}
