import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { resolveScope } from '../contest/scope.ts';
import { copyContestEdition, findContests, type StoredContest } from '../contest/service.ts';
import { daysBetween, localDateAt } from '../contest/time.ts';
import { phasesOfKind } from '../contest/views.ts';
import { accountByEmail, createAccount, grantRole, loadAccount, type Account } from '../platform/auth/service.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { registrationInputSchema } from '../registration/schema.ts';
import { countRegistrationsOfContest, registerEntry } from '../registration/service.ts';
import { demoSamples } from './samples.ts';
import { demoPoster } from './poster.ts';
import { submitFile } from '../submission/direct.ts';
import { setWorksField, type UploadLimits } from '../submission/service.ts';
import type { WorksStorage } from '../submission/storage.ts';

/** The accounts `npm start` creates and prints, so a newcomer can sign in at once. */
export const DEMO_ORGANISER = { email: 'organiser@leitai.demo', password: 'leitai-demo', displayName: '演示主办方 Demo organiser' };
export const DEMO_COORDINATOR = { email: 'zhangjiakou@leitai.demo', password: 'leitai-demo', displayName: '张家口赛区 Demo coordinator' };
export const DEMO_PARTICIPANT = { email: 'participant@leitai.demo', password: 'leitai-demo', displayName: '演示参赛者 Demo participant' };

export interface DemoWorks {
  storage: WorksStorage;
  limits: UploadLimits;
}

/**
 * Makes a fresh data directory look like a living platform: demo accounts, a current edition of
 * every seed (dates shifted so registration is open today), and sample registrations on each
 * contest's theme. Idempotent: what exists is left alone, so restarts keep the user's clicks.
 */
export async function prepareDemo(db: Kysely<Database>, clock: Clock, log: (line: string) => void, works: DemoWorks) {
  const organiser = await ensureAccount(db, DEMO_ORGANISER, clock);
  const participant = await ensureAccount(db, DEMO_PARTICIPANT, clock);
  if (organiser.roles.length === 0) await grantRole(db, organiser.id, { role: 'organiser', contestId: null }, { actor: 'demo', clock });

  const editions = await ensureCurrentEditions(db, organiser.id, clock);
  for (const edition of editions) log(`new edition ${edition.id}, registration open now (copied from ${edition.editionOf})`);

  const coordinator = await ensureAccount(db, DEMO_COORDINATOR, clock);
  for (const contest of await findContests(db)) {
    if (contest.definition.zones.some((z) => z.id === 'zhangjiakou') && !coordinator.roles.some((r) => r.contestId === contest.definition.id)) {
      await grantRole(db, coordinator.id, { role: 'coordinator', contestId: contest.definition.id, zoneId: 'zhangjiakou' }, { actor: 'demo', clock });
    }
  }

  const added = await addSampleRegistrations(db, participant, clock, works);
  if (added > 0) log(`added ${added} sample registrations, marked 演示数据 / demo`);
  log(`demo organiser 演示主办方: ${DEMO_ORGANISER.email} / ${DEMO_ORGANISER.password}`);
  log(`demo zone coordinator 赛区: ${DEMO_COORDINATOR.email} / ${DEMO_COORDINATOR.password}`);
  log(`demo participant 参赛者: ${DEMO_PARTICIPANT.email} / ${DEMO_PARTICIPANT.password}`);
}

const ensureAccount = async (db: Kysely<Database>, demo: typeof DEMO_ORGANISER, clock: Clock): Promise<Account> => {
  const existing = await accountByEmail(db, demo.email);
  if (existing) return (await loadAccount(db, existing.id))!;
  return createAccount(db, { ...demo, demo: true }, clock);
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
    for (const { works: sampleWorks, ...sample } of samples) {
      const entry = registrationInputSchema.parse({ ...sample, declarations: [] });
      const scope = resolveScope(contest.definition, entry);
      const declarations = scope.ok ? (scope.scope.rules.find((r) => r.rule === 'declarations')?.items.map((i) => i.id) ?? []) : [];
      const actor = { account: participant, clock: when };
      const row = await registerEntry(db, contest.definition.id, { ...entry, declarations }, { ...actor, isDemo: true });
      for (const requirementId of sampleWorks?.posters ?? []) {
        const bytes = await demoPoster(`${contest.definition.id}/${entry.title}`);
        await submitFile(db, works.storage, { registrationId: row.id, requirementId, fileName: `${entry.title}.jpg`, bytes }, actor, works.limits);
      }
      for (const [fieldId, value] of Object.entries(sampleWorks?.fields ?? {})) await setWorksField(db, row.id, fieldId, value, actor);
      added += 1;
    }
  }
  return added;
}
