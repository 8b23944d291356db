/**
 * The demo's vote in progress: an edition of 000 whose 网上大众投票 has run for two days, so a
 * newcomer can prove a number and vote on a phone, and the organiser finds counts, a chart of votes
 * over time and held votes with their reasons. Voters sign in with the SMS code and vote through the
 * same services the pages use (challenge solved, limits, fraud signals, group commit), each at its
 * own time of the last two days; a SIM pool among them is held by the number-block signal, and the
 * rescan a server runs holds its first cards too.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { findContests, type StoredContest } from '../contest/service.ts';
import type { Account } from '../platform/auth/service.ts';
import { fixedClock, type Clock } from '../platform/clock.ts';
import { memoryCounters } from '../platform/counters.ts';
import type { Database } from '../platform/db-types.ts';
import { capturingSms } from '../platform/sms.ts';
import { countRegistrationsOfContest } from '../registration/service.ts';
import { subnetOf } from '../voting/address.ts';
import { challenges, solvedChallenge } from '../voting/challenge.ts';
import { deviceOf } from '../voting/client.ts';
import { rescan } from '../voting/fraud/service.ts';
import { seededRandom, weighted, zipf, type Random } from '../voting/fraud/simulation/random.ts';
import { castVote, createVotePath, type SignedInVoter } from '../voting/service.ts';
import { requestCode, verifyCode } from '../voting/voters/service.ts';
import { copyEditionInPhase, registerTeams } from './edition-in-phase.ts';
import type { DemoWorks } from './register-sample.ts';
import { honestVoterCount, simPool, voterAgents, votingPhase, votingSeed, votingTeams } from './voting-samples.ts';

const votingDemo = { zh: '投票演示', en: 'vote demo' };
/** Today is the vote's third day of five. */
const daysIntoVote = 2;
/** Votes cast side by side, as a server takes them: one group commit for a few. */
const SIDE_BY_SIDE = 32;

interface DemoVoter {
  phone: string;
  address: string;
  agent: string;
  /** When the voter proved the number: a minute before the first vote. */
  signedInAt: Date;
}

interface PlannedVote {
  voter: number;
  /** Index into votingTeams. */
  entry: number;
  at: Date;
}

/**
 * Makes what is missing of the vote in progress, each part once, so restarts keep the user's
 * clicks: the edition (copied from 000's current edition), its teams when it has none, and its
 * votes when it has none. Nothing is made when 000 has no current edition.
 */
export async function prepareVotingDemo(db: Kysely<Database>, people: { organiser: Account; participant: Account }, clock: Clock, works: DemoWorks) {
  const contests = await findContests(db);
  const source = contests.find((c) => c.editionOf === votingSeed);
  if (!source) return [];
  const made = contests.find((c) => c.isDemo && c.editionOf === source.definition.id);
  const edition =
    made ?? (await copyEditionInPhase(db, source, { phaseId: votingPhase, daysInto: daysIntoVote, suffix: votingDemo }, people.organiser.id, clock));
  const contestId = edition.definition.id;
  const lines = made ? [] : [`new edition ${contestId}, public vote open now (copied from ${source.definition.id})`];
  if ((await countRegistrationsOfContest(db, contestId)) === 0) {
    await registerTeams(db, edition, votingTeams, people.participant, works);
    lines.push(`added ${votingTeams.length} sample entries to ${contestId}, marked 演示数据 / demo`);
  }
  const path = demoVotePath(db);
  try {
    if ((await path.ingest.counts(contestId, votingPhase)).size === 0) {
      const cast = await castDemoVotes(db, path, edition, clock.now());
      const { held } = await rescan(db, contestId, votingPhase, clock.now());
      lines.push(
        `${contestId}: ${cast} votes by demo voters over two days; ${simPool.numbers.length} of a SIM pool held for the organiser to decide (${held} by the rescan)`,
      );
    }
  } finally {
    await path.ingest.close();
  }
  return lines;
}

/** The clock the demo moves as it casts, so limits and windows count as they would have then. */
interface MovingClock extends Clock {
  at: Date;
}

/** A vote path as a server makes one, on the demo's moving clock, with challenges of the least work. */
function demoVotePath(db: Kysely<Database>) {
  const clock: MovingClock = { at: new Date(0), now: () => new Date(clock.at) };
  const counters = memoryCounters(clock);
  const settings = { hmacKey: randomBytes(32).toString('hex'), cost: 1, maxCounter: 10 };
  return createVotePath(db, { clock, counters, challenges: challenges({ settings, counters, clock }) }, { maxDelayMs: 1 });
}

type DemoVotePath = ReturnType<typeof demoVotePath>;

/** Signs the voters in, then casts the planned votes. Returns how many were cast. */
async function castDemoVotes(db: Kysely<Database>, path: DemoVotePath, edition: StoredContest, now: Date) {
  const contestId = edition.definition.id;
  const { entries } = await path.phases.phase(contestId, votingPhase);
  const entryIds = votingTeams.map((team) => [...entries.values()].find((entry) => entry.title === team.title)!.id);
  const { voters, votes } = demoVotePlan(seededRandom(2025), edition.definition, now);
  const signedIn = await signIn(db, path, contestId, voters);
  await sideBySide(path.clock, votes, async ({ voter, entry, at }) => {
    const challenge = await solvedChallenge(await path.challenges.createChallenge());
    const request = { registrationId: entryIds[entry], challenge, idempotencyKey: randomUUID() };
    const { address, agent } = voters[voter];
    const client = { address, subnet: subnetOf(address), device: deviceOf({ 'user-agent': agent }) };
    await castVote({ ...path, clock: fixedClock(at) }, contestId, votingPhase, request, signedIn[voter], client);
  });
  return votes.length;
}

/** Each voter proves the number with the code the SMS would have carried, at its own time. */
async function signIn(db: Kysely<Database>, path: DemoVotePath, contestId: string, voters: readonly DemoVoter[]): Promise<SignedInVoter[]> {
  const sms = capturingSms();
  const signedIn: SignedInVoter[] = [];
  const arrivals = voters.map((voter, index) => ({ ...voter, index, at: voter.signedInAt }));
  await sideBySide(path.clock, arrivals, async ({ phone, address, index, at }) => {
    const then = fixedClock(at);
    await requestCode(db, { phone, contestId, address }, { clock: then, counters: path.counters, sms });
    const { voter } = await verifyCode(db, { phone, code: sms.lastCode(phone) }, then);
    signedIn[index] = { id: voter.id, phone: voter.phone };
  });
  return signedIn;
}

/**
 * Runs `work` for each item in time order, SIDE_BY_SIDE at once as a server's requests would run
 * (a vote waits for its group commit), the moving clock at the group's last time.
 */
async function sideBySide<T extends { at: Date }>(clock: MovingClock, items: readonly T[], work: (item: T) => Promise<void>) {
  const ordered = [...items].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (let from = 0; from < ordered.length; from += SIDE_BY_SIDE) {
    const group = ordered.slice(from, from + SIDE_BY_SIDE);
    clock.at = group.at(-1)!.at;
    await Promise.all(group.map(work));
  }
}

const mobilePrefixes = ['135', '136', '138', '139', '150', '151', '158', '186', '187', '188', '199'];

/**
 * The voters and their votes: honest voters each arrive once between the vote's first
 * morning and now, in waking hours (08:00–22:59 in the contest's zone), and vote for one to four
 * entries a minute or two apart, the popular ones more often; then the SIM pool, yesterday afternoon.
 */
function demoVotePlan(random: Random, definition: StoredContest['definition'], now: Date): { voters: DemoVoter[]; votes: PlannedVote[] } {
  const zone = definition.timeZone;
  const phase = definition.phases.find((p) => p.id === votingPhase)!;
  const opened = DateTime.fromISO(phase.start, { zone }).set({ hour: 8 });
  const popularity = weighted(zipf(votingTeams.length, 1));
  const voters: DemoVoter[] = [];
  const votes: PlannedVote[] = [];
  for (let n = 0; n < honestVoterCount; n++) {
    const arrives = wakingMoment(random, opened, DateTime.fromJSDate(now, { zone }).minus({ minutes: 10 }));
    if (!arrives) break;
    voters.push({
      phone: `${random.pick(mobilePrefixes)}${String(random.int(0, 99_999_999)).padStart(8, '0')}`,
      address: `${random.pick([36, 39, 42, 58, 60, 61, 106, 112, 113, 114, 117, 120, 121, 123, 125])}.${random.int(0, 255)}.${random.int(0, 255)}.${random.int(1, 254)}`,
      agent: random.pick(voterAgents),
      signedInAt: arrives.minus({ minutes: 1 }).toJSDate(),
    });
    const chosen = new Set<number>();
    const wanted = 1 + weighted([5, 3, 2, 1])(random);
    while (chosen.size < wanted) chosen.add(popularity(random));
    [...chosen].forEach((entry, i) => votes.push({ voter: n, entry, at: arrives.plus({ seconds: i * random.int(40, 150) }).toJSDate() }));
  }
  const poolStarts = opened.plus({ days: 1 }).set({ hour: 14, minute: 5 });
  simPool.numbers.forEach((phone, i) => {
    const at = poolStarts.plus({ minutes: i * simPool.minutesApart });
    voters.push({ phone, address: simPool.address, agent: voterAgents[2], signedInAt: at.minus({ minutes: 1 }).toJSDate() });
    votes.push({ voter: voters.length - 1, entry: simPool.entry, at: at.toJSDate() });
  });
  return { voters, votes };
}

/** A moment between `from` and `to` in waking hours, or undefined when the span has none (a few tries). */
function wakingMoment(random: Random, from: DateTime, to: DateTime): DateTime | undefined {
  const span = to.toMillis() - from.toMillis();
  for (let tries = 0; tries < 50 && span > 0; tries++) {
    const moment = from.plus({ milliseconds: Math.floor(random.next() * span) });
    if (moment.hour >= 8 && moment.hour <= 22) return moment;
  }
  return undefined;
}
