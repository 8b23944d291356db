import { Link } from 'react-router';
import { review } from '../../api/index.ts';
import type { ConflictView } from '../../api/types.ts';
import { Table } from '../../components/Table.tsx';
import { useI18n } from '../../i18n.ts';

export const loadConflictsPanel = async (contestId: string, signal: AbortSignal) => ({
  kind: 'conflicts' as const,
  conflicts: (await review.conflicts(contestId, signal)).conflicts,
});

/**
 * 利益冲突 Conflicts: every judge–entry pair that may not meet, found by Leitai (the same organisation,
 * employer or school; the same person) or declared by the judge, each with its reasons. The
 * assignment never gives such a pair, and scoring refuses it.
 */
export const ConflictsPanel = ({ conflicts }: { conflicts: ConflictView[] }) => {
  const { t, pick } = useI18n();
  return (
    <section className="section" data-testid="conflicts-section">
      <h2>{t('review.conflicts.title')}</h2>
      <p className="muted small">{t('review.conflicts.explain')}</p>
      {conflicts.length === 0 ? (
        <p className="empty" data-testid="conflicts-none">
          {t('review.conflicts.none')}
        </p>
      ) : (
        <Table
          className="compact"
          testId="conflicts-table"
          heads={
            <>
              <th>{t('review.conflicts.judge')}</th>
              <th>{t('review.conflicts.entry')}</th>
              <th>{t('review.conflicts.reasons')}</th>
            </>
          }
        >
          {conflicts.map((conflict) => (
            <tr key={`${conflict.judgeId}-${conflict.registrationId}`} data-testid="conflict-row">
              <th scope="row">{conflict.judgeName}</th>
              <td>
                <Link to={`/organiser/registrations/${conflict.registrationId}`} className="ref">
                  {conflict.ref}
                </Link>{' '}
                {conflict.title}
              </td>
              <td>
                <ul className="plain small">
                  {conflict.reasons.map((reason, i) => (
                    <li key={i} data-kind={reason.kind}>
                      <strong>{t(reason.kind.startsWith('declared') ? 'review.conflicts.declared' : 'review.conflicts.found')}</strong> {pick(reason.detail)}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
};
