import type { ContestView } from '../../api/types.ts';
import { useI18n } from '../../i18n.ts';

const looksLikeUrl = (value: string) => /^https?:\/\//.test(value);
const looksLikeEmail = (value: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value);

/** The notes (重要说明) and contacts (联系方式). */
export const InfoSection = ({ contest }: { contest: ContestView }) => {
  const { t } = useI18n();
  return (
    <section id="info" className="section">
      <h2>{t('contest.info')}</h2>
      {contest.notes.length > 0 && (
        <div className="card">
          <h3>{t('contest.notes')}</h3>
          <ol className="notes">
            {contest.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ol>
        </div>
      )}
      {contest.contacts.length > 0 && (
        <div className="card">
          <h3>{t('contest.contacts')}</h3>
          <dl className="facts wide">
            {contest.contacts.map((c, i) => (
              <div key={i}>
                <dt>{c.label}</dt>
                <dd>
                  {looksLikeUrl(c.value) ? (
                    <a href={c.value} target="_blank" rel="noreferrer noopener">
                      {c.value}
                    </a>
                  ) : looksLikeEmail(c.value) ? (
                    <a href={`mailto:${c.value}`}>{c.value}</a>
                  ) : (
                    c.value
                  )}
                </dd>
              </div>
            ))}
          </dl>
        </div>
      )}
    </section>
  );
};
