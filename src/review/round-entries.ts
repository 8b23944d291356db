/**
 * The entries a review round judges, and the groups that match them to judges.
 *
 * The definition's first round judges the active entries of the divisions it ranks. A later round
 * judges the entries that advance in the latest publication of the round before it (a correction
 * replaces the list); until that round is published it has no entries and waits for it.
 *
 * Groups are how an entry meets a judge's `covers` (the assignment's model.ts): an entry is in
 * `division:<division id>`, `track:<track id>` and, with a topic, `topic:<topic id>`. A judge's
 * covers list holds division, track or topic ids as the organiser types them; each id stands for
 * all three kinds, so `app-dev` covers the track's every group and `app-dev/campus` that group only
 * (an id names one thing: divisions are `track` or `track/sub`, topics are ids of their own). A
 * judge with no covers covers every entry: the group `all`, which every entry is in.
 */
import type { StoredContest } from '../contest/service.ts';
import { divisionIdOf } from '../contest/divisions.ts';
import type { ContestDefinition } from '../contest/schema/index.ts';
import type { Executor } from '../platform/transaction.ts';
import { reviewEntriesOfContest } from '../registration/service.ts';
import { latestPublishedResults } from './assignment/queries.ts';
import { roundDivisions, unknownRound } from './results/compute.ts';

export interface RoundEntry {
  id: string;
  ref: string;
  title: string;
  division: string;
  groups: string[];
}

export interface RoundEntries {
  entries: RoundEntry[];
  /** The earlier round whose publication this round waits for; absent when the entries are known. */
  waitingFor?: string;
}

/** The group every entry is in, which a judge with no covers covers. */
export const everyEntry = 'all';

/** The groups a judge's covers list reaches (see the file's comment); every entry's for an empty one. */
export const coverGroups = (covers: readonly string[]): string[] =>
  covers.length === 0 ? [everyEntry] : covers.flatMap((id) => [`division:${id}`, `track:${id}`, `topic:${id}`]);

interface EntryRow {
  id: string;
  ref: string;
  title: string;
  track_id: string;
  group_id: string | null;
  category_id: string | null;
  topic_id: string | null;
}

const roundEntry = (row: EntryRow): RoundEntry => {
  const division = divisionIdOf(row.track_id, row.group_id ?? row.category_id);
  const groups = [everyEntry, `division:${division}`, `track:${row.track_id}`, ...(row.topic_id ? [`topic:${row.topic_id}`] : [])];
  return { id: row.id, ref: row.ref, title: row.title, division, groups };
};

/** The round and the one before it, whose publication names its entries (none for the first round). */
export const roundAndPrevious = (definition: ContestDefinition, roundId: string) => {
  const index = definition.review.rounds.findIndex((round) => round.id === roundId);
  if (index < 0) throw unknownRound(definition, roundId);
  return { round: definition.review.rounds[index], previous: index > 0 ? definition.review.rounds[index - 1] : undefined };
};

export async function roundEntries(db: Executor, contest: StoredContest, roundId: string): Promise<RoundEntries> {
  const { definition } = contest;
  const { round, previous } = roundAndPrevious(definition, roundId);
  const divisions = new Set(roundDivisions(definition, round));
  const inRound = (entry: RoundEntry) => divisions.has(entry.division);
  if (!previous) return { entries: (await reviewEntriesOfContest(db, definition.id)).map(roundEntry).filter(inRound) };
  const results = await latestPublishedResults(db, definition.id, previous.id);
  if (!results) return { entries: [], waitingFor: previous.id };
  const advancing = results.divisions.flatMap((division) => division.entries.filter((entry) => entry.advances).map((entry) => entry.id));
  return { entries: (await reviewEntriesOfContest(db, definition.id, advancing)).map(roundEntry).filter(inRound) };
}
