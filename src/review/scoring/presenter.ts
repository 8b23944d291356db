/**
 * What a judge reads of an entry and of their own score: explicit fields, and in a blind round
 * (盲评, `blind: true`) no names at all: not the team's, its people's, their organisations' or
 * schools'. Title, division and works stay, since they are what is judged. Judges never see a
 * phone, an ID number or an email, blind or not.
 */
import { divisionIdOf, divisionsOf } from '../../contest/divisions.ts';
import type { ContestDefinition, ReviewRound } from '../../contest/schema/index.ts';
import { toInput } from '../../registration/records.ts';
import type { JudgedEntryRow, ScoreRow } from './queries.ts';
import { shownTotal } from './rules.ts';

const divisionOf = (definition: ContestDefinition, row: JudgedEntryRow) => {
  const id = divisionIdOf(row.track_id, row.group_id ?? row.category_id);
  return { division: id, divisionName: divisionsOf(definition.tracks).find((d) => d.id === id)?.name ?? id };
};

/** The entrant's names only: people, organisations, schools. */
const teamOf = (row: JudgedEntryRow) => {
  const entry = toInput(row);
  const people = [entry.leader, ...entry.members, ...entry.advisors];
  const schools = [entry.entrySchool, ...people.map((p) => p.school)].filter((s): s is string => Boolean(s));
  return {
    entrantKind: row.entrant_kind,
    name: entry.teamName ?? null,
    leader: entry.leader.name,
    members: entry.members.map((p) => p.name),
    advisors: entry.advisors.map((p) => p.name),
    organisations: entry.organisations.map((o) => o.name),
    schools: [...new Set(schools)],
  };
};

/** The line a list shows under the title: the team's name, its leader and members. */
const namesOf = (row: JudgedEntryRow) => {
  const team = teamOf(row);
  return [...(team.name ? [team.name] : []), team.leader, ...team.members];
};

export const presentScore = (round: ReviewRound, row: ScoreRow) => ({
  criteria: row.criteria,
  /** The weighted total for a rubric (the engine's), or the total the judge gave; null while incomplete. */
  total: round.rubric?.length ? shownTotal(round, { criteria: row.criteria }) : row.total,
  comment: row.comment,
  status: row.status,
  savedAt: row.saved_at.toISOString(),
  submittedAt: row.submitted_at?.toISOString() ?? null,
});

export type ScoreView = ReturnType<typeof presentScore>;

export const presentEntryItem = (definition: ContestDefinition, round: ReviewRound, row: JudgedEntryRow, score: ScoreRow | undefined) => ({
  id: row.id,
  ref: row.ref,
  title: row.title,
  ...divisionOf(definition, row),
  ...(round.blind ? {} : { names: namesOf(row) }),
  score: score ? { status: score.status, total: presentScore(round, score).total } : null,
});

/**
 * The entry as the judge opens it. `summary` is the first text field of its works that has a value
 * (003's 初步概念提案, 002's 创作说明): what an entry says of itself; null when it has none.
 */
export const presentEntry = (definition: ContestDefinition, round: ReviewRound, row: JudgedEntryRow, summary: string | null) => ({
  id: row.id,
  ref: row.ref,
  title: row.title,
  ...divisionOf(definition, row),
  summary,
  ...(round.blind ? {} : { team: teamOf(row) }),
});
