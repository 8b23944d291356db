import type { ContestDefinition } from '../contest/schema/index.ts';
import { divisionIdOf, divisionsOf } from '../contest/divisions.ts';
import type { RegistrationMemberRow, RegistrationRow } from '../platform/db-types.ts';
import { personKey } from './eligibility/index.ts';
import { maskPerson } from './identity.ts';
import type { ViewerRole, viewerCan } from './policy.ts';
import { toInput } from './records.ts';
import type { PersonInput } from './schema.ts';

export interface PresentOptions {
  editable: boolean;
  /** How the viewer stands to the entry and what they may do to it (policy.ts decides both). */
  viewerRole: ViewerRole | null;
  can: ReturnType<typeof viewerCan>;
  /** The signed-in account reading the reply: their own person record is shown in full. */
  viewerId: string | null;
  /** An organiser's audited reveal: every person in full. */
  revealed?: boolean;
}

/**
 * A registration as its entrant and the organiser see it: explicit fields, places with their names.
 * Phones, ID numbers and emails are masked except the viewer's own (the person record linked to their
 * account) and except in an audited reveal: the one place that decides what a viewer sees of whom.
 */
export const presentRegistration = (row: RegistrationRow, members: RegistrationMemberRow[], definition: ContestDefinition, options: PresentOptions) => {
  const entry = toInput(row);
  const track = definition.tracks.find((t) => t.id === row.track_id);
  const named = (items: { id: string; name: string }[] | undefined, id: string | null) => {
    const found = id ? items?.find((item) => item.id === id) : undefined;
    return found ? { id: found.id, name: found.name } : undefined;
  };
  const recordOf = (person: PersonInput, role: RegistrationMemberRow['role']) => members.find((m) => m.role === role && m.person_key === personKey(person));
  const present = (person: PersonInput, role: RegistrationMemberRow['role']) => {
    const record = recordOf(person, role);
    const own = options.viewerId !== null && record?.account_id === options.viewerId;
    return { ...(own || options.revealed ? person : maskPerson(person)), status: record?.status ?? 'invited' };
  };
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
    /** The 申报学校 where the place records one (000's 校园组: the leader's school). */
    entrySchool: entry.entrySchool,
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
    viewerRole: options.viewerRole,
    can: options.can,
  };
};

export type RegistrationView = ReturnType<typeof presentRegistration>;
