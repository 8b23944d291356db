/**
 * 作品展示 The showcase of a public vote: the entries voted on (the counting round's, voting/vote-phase.ts)
 * with their works, for anyone from the moment the vote opens — a vote asks the public to look at the
 * works — and for the contest's organisers before that. Read-only: nothing here changes state.
 */
import type { Kysely } from 'kysely';
import { isOrganiserOf } from '../../platform/auth/policy.ts';
import type { Account } from '../../platform/auth/service.ts';
import type { Database } from '../../platform/db-types.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { coversOfContest, isPicture, shownFileOf, shownWorksOf } from '../../submission/shown-works.ts';
import type { VotePhase, VotePhases } from '../vote-phase.ts';

export interface ShowcaseReader {
  account: Account | null;
  at: Date;
}

const notShownYet = (phase: VotePhase) =>
  new AppError(
    'vote.showcase_not_open',
    {
      zh: `投票${phase.rules.phase.name}尚未开始，作品暂不公开`,
      en: `The vote ${phase.rules.phase.nameEn ?? phase.rules.phase.name} has not opened; the works are not shown yet`,
    },
    403,
  );

const entryNotInVote = (entryId: string) => notFound({ zh: `投票中的作品 ${entryId}`, en: `Entry ${entryId} in this vote` }, 'vote.entry_not_in_vote');

/** The phase, once its works may be shown to this reader. */
async function shownPhase(phases: VotePhases, contestId: string, phaseId: string, reader: ShowcaseReader) {
  const phase = await phases.phase(contestId, phaseId);
  const opened = reader.at.getTime() >= phase.rules.window.start.toMillis();
  if (!opened && !isOrganiserOf(reader.account, phase.contest.definition.id)) throw notShownYet(phase);
  return phase;
}

/** The entries voted on, of one division when asked, each with its cover picture if it has one. */
export async function showcaseOf(
  db: Kysely<Database>,
  phases: VotePhases,
  contestId: string,
  phaseId: string,
  division: string | undefined,
  reader: ShowcaseReader,
) {
  const phase = await shownPhase(phases, contestId, phaseId, reader);
  const entries = [...phase.entries.values()].filter((entry) => division === undefined || entry.division === division);
  return { phase, entries, covers: await coversOfContest(db, phase.contest.definition.id) };
}

/** One entry voted on with its works as the public sees them; vote.entry_not_in_vote for any other. */
export async function showcaseEntry(db: Kysely<Database>, phases: VotePhases, contestId: string, phaseId: string, entryId: string, reader: ShowcaseReader) {
  const phase = await shownPhase(phases, contestId, phaseId, reader);
  const entry = phase.entries.get(entryId);
  if (!entry) throw entryNotInVote(entryId);
  const works = await shownWorksOf(db, entry.id);
  const cover = works.flatMap((work) => work.files).find(isPicture);
  return { phase, entry, works, cover };
}

/** A file of an entry voted on, whose bytes anyone may read once the vote has opened. */
export async function showcaseFile(
  db: Kysely<Database>,
  phases: VotePhases,
  contestId: string,
  phaseId: string,
  entryId: string,
  fileId: string,
  reader: ShowcaseReader,
) {
  const phase = await shownPhase(phases, contestId, phaseId, reader);
  if (!phase.entries.has(entryId)) throw entryNotInVote(entryId);
  return shownFileOf(db, entryId, fileId);
}
