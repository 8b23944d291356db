import type { JudgeRow } from './queries.ts';
import { maskedContact } from './rules.ts';
import type { JudgeView } from './schema.ts';

/** A judge as replies show them: contact details masked, never the row. */
export const presentJudge = (row: JudgeRow, conflicts: number): JudgeView => ({
  id: row.id,
  name: row.name,
  title: row.title,
  organisation: row.organisation,
  employer: row.employer,
  school: row.school,
  expertise: row.expertise,
  rounds: row.rounds,
  covers: row.covers,
  cap: row.cap,
  status: row.status,
  hasAccount: row.account_id !== null,
  ...maskedContact({ email: row.email, phone: row.phone, idNumber: row.id_number }),
  conflicts,
});

/** What the contest's public page shows of a judge (001: 初选前公布评审委员会名单): never a contact detail. */
export const presentPublicJudge = (row: JudgeRow) => ({ name: row.name, title: row.title, organisation: row.organisation });

/** A judge as audit events record them: what replies show (contact details masked), less the reply-only counts. */
export const auditedJudge = (row: JudgeRow) => {
  const { id, hasAccount: _hasAccount, conflicts: _conflicts, ...shown } = presentJudge(row, 0);
  return { judgeId: id, ...shown };
};

export const presentPublication = (row: { published_at: Date; published_by: string } | undefined) =>
  row ? { at: row.published_at.toISOString(), by: row.published_by } : null;
