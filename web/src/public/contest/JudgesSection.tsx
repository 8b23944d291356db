import type { PublicJudge } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';
import { Table } from '../../components/Table.tsx';

/**
 * 评审委员会: the judges an organiser published (001: 初选前公布评审委员会名单), name, title and
 * organisation only; nothing at all until published.
 */
export const JudgesSection = ({ judges }: { judges: PublicJudge[] | null }) => {
  const { t } = useI18n();
  if (!judges || judges.length === 0) return null;
  return (
    <section id="judges" className="section" data-testid="public-judges">
      <h2>{t('contest.judges')}</h2>
      <Table
        heads={
          <>
            <th>{t('committees.name')}</th>
            <th>{t('review.judges.title')}</th>
            <th>{t('review.judges.organisation')}</th>
          </>
        }
      >
        {judges.map((judge, i) => (
          <tr key={i} data-testid="public-judge">
            <td>{judge.name}</td>
            <td>{judge.title || '—'}</td>
            <td>{judge.organisation || '—'}</td>
          </tr>
        ))}
      </Table>
    </section>
  );
};
