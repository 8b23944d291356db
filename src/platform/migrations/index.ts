/**
 * Every migration, imported statically so they run the same under tsx, vitest and a bundle
 * (no directory scanning). Append-only: a shipped migration is never edited; a change is a new
 * entry named `YYYYMMDDnn-what-it-does`, one change each, each with `down`.
 */
import type { Migration } from 'kysely';
import * as accounts from './2026112301-accounts.ts';
import * as accountRoles from './2026112302-account-roles.ts';
import * as sessions from './2026112303-sessions.ts';
import * as contests from './2026112304-contests.ts';
import * as registrations from './2026112305-registrations.ts';
import * as registrationMembers from './2026112306-registration-members.ts';
import * as teamInvitations from './2026112307-team-invitations.ts';
import * as auditEvents from './2026112308-audit-events.ts';
import * as uploads from './2026112309-uploads.ts';
import * as submissionFiles from './2026112310-submission-files.ts';
import * as submissionFields from './2026112311-submission-fields.ts';
import * as auditHeads from './2026113001-audit-heads.ts';
import * as submissionFileBytesPurged from './2026113010-submission-file-bytes-purged.ts';
import * as uploadsUnfinishedIndex from './2026113011-uploads-unfinished-index.ts';
import * as demoAccounts from './2026113020-demo-accounts.ts';
import * as canonicalPersonIdentifiers from './2026113030-canonical-person-identifiers.ts';
import * as invitationBinding from './2026113031-invitation-binding.ts';
import * as scheduleState from './2026113040-schedule-state.ts';
import * as registrationIndex from './2026113050-registration-index.ts';
import * as contestVersions from './2026113060-contest-versions.ts';
import * as definitionVersionColumns from './2026113061-definition-version-columns.ts';
import * as registrationRefPrefix from './2026113080-registration-ref-prefix.ts';
import * as registrationRowsCheckedAtCommit from './2026113090-registration-rows-checked-at-commit.ts';
import * as registrationTableIndexes from './2026113091-registration-table-indexes.ts';
import * as review from './2026120100-review.ts';
import * as importedVoteCounts from './2026120101-imported-vote-counts.ts';
import * as voting from './2026120110-voting.ts';

export const migrations: Record<string, Migration> = {
  '2026112301-accounts': accounts,
  '2026112302-account-roles': accountRoles,
  '2026112303-sessions': sessions,
  '2026112304-contests': contests,
  '2026112305-registrations': registrations,
  '2026112306-registration-members': registrationMembers,
  '2026112307-team-invitations': teamInvitations,
  '2026112308-audit-events': auditEvents,
  '2026112309-uploads': uploads,
  '2026112310-submission-files': submissionFiles,
  '2026112311-submission-fields': submissionFields,
  '2026113001-audit-heads': auditHeads,
  '2026113010-submission-file-bytes-purged': submissionFileBytesPurged,
  '2026113011-uploads-unfinished-index': uploadsUnfinishedIndex,
  '2026113020-demo-accounts': demoAccounts,
  '2026113030-canonical-person-identifiers': canonicalPersonIdentifiers,
  '2026113031-invitation-binding': invitationBinding,
  '2026113040-schedule-state': scheduleState,
  '2026113050-registration-index': registrationIndex,
  '2026113060-contest-versions': contestVersions,
  '2026113061-definition-version-columns': definitionVersionColumns,
  '2026113080-registration-ref-prefix': registrationRefPrefix,
  '2026113090-registration-rows-checked-at-commit': registrationRowsCheckedAtCommit,
  '2026113091-registration-table-indexes': registrationTableIndexes,
  '2026120100-review': review,
  '2026120101-imported-vote-counts': importedVoteCounts,
  '2026120110-voting': voting,
};
