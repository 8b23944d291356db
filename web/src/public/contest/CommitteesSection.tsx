import type { ContestView } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import { Table } from '../../components/Table.tsx';

type Committee = ContestView['committees'][number];

const CommitteeCard = ({ committee }: { committee: Committee }) => {
  const { t, name } = useI18n();
  return (
    <div className="card" data-testid={`committee-${committee.id}`}>
      <h3>{name(committee)}</h3>
      {committee.duties && <p>{committee.duties}</p>}
      {committee.composition && <p className="muted small">{t('committees.composition', { text: committee.composition })}</p>}
      {committee.membersPublished && <p className="muted small">{t('committees.membersPublished', { text: committee.membersPublished })}</p>}
      {committee.members.length > 0 && (
        <Table
          heads={
            <>
              <th>{t('committees.role')}</th>
              <th>{t('committees.name')}</th>
              <th>{t('committees.position')}</th>
            </>
          }
        >
          {committee.members.map((member, i) => (
            <tr key={i}>
              <td>{member.role}</td>
              <td>{member.name ?? '—'}</td>
              <td>{member.position ?? '—'}</td>
            </tr>
          ))}
        </Table>
      )}
      {committee.quote && (
        <blockquote className="quote" lang="zh-CN">
          {committee.quote}
        </blockquote>
      )}
    </div>
  );
};

/** 机构设置: the organising committee with its published names, and the review committee's make-up. */
export const CommitteesSection = ({ contest }: { contest: ContestView }) => {
  const { t } = useI18n();
  if (contest.committees.length === 0) return null;
  return (
    <section id="committees" className="section">
      <h2>{t('contest.committees')}</h2>
      {contest.committees.map((committee) => (
        <CommitteeCard key={committee.id} committee={committee} />
      ))}
    </section>
  );
};
