/**
 * The demo's review in progress: an edition of 003 (the ILO hackathon) whose 申请和选拔 is open
 * today, so a newcomer can score as the demo judge and watch the organiser's review board move.
 * Everything goes in through the services a person's clicks go through, so it is audited, obeys
 * every rule, and the judges' invitations show in the outbox.
 */
import type { Kysely } from 'kysely';
import { findContests, type StoredContest } from '../contest/service.ts';
import { loadAccount, type Account } from '../platform/auth/service.ts';
import type { Clock } from '../platform/clock.ts';
import type { Database } from '../platform/db-types.ts';
import { countRegistrationsOfContest } from '../registration/service.ts';
import { runSettled } from '../review/assignment/runs.ts';
import { assignmentRun, startAssignmentRun } from '../review/assignment/service.ts';
import { acceptInvitation, inviteJudge } from '../review/judges/invitations.ts';
import { judgesOfContest } from '../review/judges/service.ts';
import { judgingRound, saveDraft, submitScore } from '../review/scoring/service.ts';
import { copyEditionInPhase, registerTeams } from './edition-in-phase.ts';
import type { DemoWorks } from './register-sample.ts';
import { demoJudgeInvitation, demoJudgeScores, invitedJudges, reviewRound, reviewSeed, reviewTeams } from './review-samples.ts';

export interface ReviewDemoPeople {
  organiser: Account;
  participant: Account;
  judge: Account;
}

/** Today falls this many days into the round's phase: its first days are behind, most of it ahead. */
const daysIntoRound = 3;
const reviewDemo = { zh: '评审演示', en: 'review demo' };

/**
 * Makes what is missing of the review in progress, each part once, so restarts keep the user's
 * clicks: the edition (copied from 003's current edition), its teams when it has none, and, when it
 * has no judges, the three judges (the demo judge joined, the others invited), one assignment run
 * and the demo judge's first two scores. Nothing is made when 003 has no current edition.
 * `origin` is where the invitation links in the outbox point.
 */
export async function prepareReviewDemo(db: Kysely<Database>, people: ReviewDemoPeople, clock: Clock, works: DemoWorks, origin: string) {
  const contests = await findContests(db);
  const source = contests.find((c) => c.editionOf === reviewSeed);
  if (!source) return [];
  const made = contests.find((c) => c.isDemo && c.editionOf === source.definition.id);
  const edition =
    made ?? (await copyEditionInPhase(db, source, { phaseId: roundOf(source).phase, daysInto: daysIntoRound, suffix: reviewDemo }, people.organiser.id, clock));
  const contestId = edition.definition.id;
  const lines = made ? [] : [`new edition ${contestId}, review round ${reviewRound} (${roundOf(edition).name}) open now (copied from ${source.definition.id})`];
  if ((await countRegistrationsOfContest(db, contestId)) === 0) {
    await registerTeams(db, edition, reviewTeams, people.participant, works);
    lines.push(`added ${reviewTeams.length} sample teams to ${contestId}, marked 演示数据 / demo`);
  }
  const organiser = { account: people.organiser, clock };
  if ((await judgesOfContest(db, contestId, organiser)).judges.length === 0) {
    const judge = await appointJudges(db, contestId, people, clock, origin);
    await assign(db, contestId, organiser);
    await scoreFirstEntries(db, contestId, { account: judge, clock });
    lines.push(`${contestId}: ${invitedJudges.length + 1} judges invited, the demo judge joined and assigned; one score submitted, one draft`);
  }
  return lines;
}

const roundOf = ({ definition }: StoredContest) => definition.review.rounds.find((r) => r.id === reviewRound)!;

/** Invites the three judges as the organiser; the demo judge accepts their link. Returns the judge's account, with the role it gained. */
async function appointJudges(db: Kysely<Database>, contestId: string, people: ReviewDemoPeople, clock: Clock, origin: string) {
  const organiser = { account: people.organiser, clock };
  const { invitation } = await inviteJudge(db, contestId, demoJudgeInvitation(people.judge.email), origin, organiser);
  for (const judge of invitedJudges) await inviteJudge(db, contestId, judge, origin, organiser);
  const code = new URL(invitation.link).pathname.split('/').at(-1)!;
  await acceptInvitation(db, code, { account: people.judge, clock });
  return (await loadAccount(db, people.judge.id))!;
}

/** One solver run of the round, waited for: the scores need its pairs. */
async function assign(db: Kysely<Database>, contestId: string, organiser: { account: Account; clock: Clock }) {
  const started = await startAssignmentRun(db, contestId, reviewRound, {}, organiser);
  await runSettled(started.id);
  const run = await assignmentRun(db, contestId, reviewRound, started.id, organiser);
  if (run.status !== 'done') throw new Error(`the demo's assignment run of ${contestId} ended ${run.status}`);
}

async function scoreFirstEntries(db: Kysely<Database>, contestId: string, judge: { account: Account; clock: Clock }) {
  const { entries } = await judgingRound(db, contestId, reviewRound, judge);
  for (const { title, status, score } of demoJudgeScores) {
    const entry = entries.find((e) => e.title === title)!;
    await (status === 'submitted' ? submitScore : saveDraft)(db, contestId, reviewRound, entry.id, score, judge);
  }
}
