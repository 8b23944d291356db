import type { ContestDefinition } from '../contest/schema/index.ts';
import { divisionIdOf, divisionsOf } from '../contest/divisions.ts';
import type { RegistrationMemberRow, RegistrationRow } from '../platform/db-types.ts';
import { personKey } from './eligibility/index.ts';
import { toInput } from './records.ts';
import type { PersonInput } from './schema.ts';

/** A registration as its entrant and the organiser see it: explicit fields, places with their names. */
export const presentRegistration = (
  row: RegistrationRow,
  members: RegistrationMemberRow[],
  definition: ContestDefinition,
  options: { editable: boolean },
) => {
  const entry = toInput(row);
  const track = definition.tracks.find((t) => t.id === row.track_id);
  const named = (items: { id: string; name: string }[] | undefined, id: string | null) => {
    const found = id ? items?.find((item) => item.id === id) : undefined;
    return found ? { id: found.id, name: found.name } : undefined;
  };
  const statusOf = (person: PersonInput, role: RegistrationMemberRow['role']) =>
    members.find((m) => m.role === role && m.person_key === personKey(person))?.status ?? 'invited';
  const present = (person: PersonInput, role: RegistrationMemberRow['role']) => ({ ...person, status: statusOf(person, role) });
  const divisionId = divisionIdOf(row.track_id, row.group_id ?? row.category_id);
  const division = divisionsOf(definition.tracks).find((d) => d.id === divisionId);
  return {
    id: row.id,
    ref: row.ref,
    contestId: row.contest_id,
    contestName: definition.name,
    title: row.title,
    entrantKind: row.entrant_kind,
    teamName: entry.teamName,
    track: { id: row.track_id, name: track?.name ?? row.track_id },
    group: named(track?.groups, row.group_id),
    category: named(track?.categories, row.category_id),
    topic: named(track?.topics, row.topic_id),
    zone: named(definition.zones, row.zone_id),
    division: { id: divisionId, name: division?.name ?? divisionId },
    status: row.status,
    isDemo: row.is_demo,
    leader: present(entry.leader, 'leader'),
    members: entry.members.map((p) => present(p, 'member')),
    advisors: entry.advisors.map((p) => present(p, 'advisor')),
    organisations: entry.organisations,
    declarations: entry.declarations,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    withdrawnAt: row.withdrawn_at?.toISOString() ?? null,
    editable: options.editable,
  };
};

export type RegistrationView = ReturnType<typeof presentRegistration>;
