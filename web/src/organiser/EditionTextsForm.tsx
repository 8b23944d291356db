import { useState, type FormEvent } from 'react';
import { useRevalidator } from 'react-router';
import { ApiError, contests } from '../api/index.ts';
import type { ContestView } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';

/**
 * 本届简介与公告: the texts a copy carried from the previous edition, for the organiser to rewrite (or
 * keep) as this edition's own. Saving publishes a new version; the page then drops the mark.
 */
export const EditionTextsForm = ({ contest }: { contest: ContestView }) => {
  const { t, pick } = useI18n();
  const revalidator = useRevalidator();
  const carried = contest.carriedOver ?? [];
  const [summary, setSummary] = useState(contest.summary ?? '');
  const [announcement, setAnnouncement] = useState({
    title: contest.announcement?.title ?? '',
    url: contest.announcement?.url ?? '',
    reference: contest.announcement?.reference ?? '',
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await contests.texts(contest.id, {
        ...(carried.includes('summary') && { summary }),
        // A new link or title is a new announcement: the previous one's date of publication no longer applies.
        ...(carried.includes('announcement') && {
          announcement: { title: announcement.title, url: announcement.url || undefined, reference: announcement.reference || undefined },
        }),
      });
      await revalidator.revalidate();
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
    }
    setBusy(false);
  };
  const set = (key: keyof typeof announcement) => (e: { target: { value: string } }) => setAnnouncement({ ...announcement, [key]: e.target.value });
  return (
    <section className="section">
      <form className="card new-edition" onSubmit={save} data-testid="edition-texts-form">
        <h2>{t('edition.texts')}</h2>
        <p className="muted">{t('edition.textsExplain')}</p>
        {error && <Notice tone="error">{error}</Notice>}
        {carried.includes('summary') && (
          <div className="field">
            <label htmlFor="edition-summary">{t('edition.summary')}</label>
            <textarea id="edition-summary" rows={5} maxLength={2000} value={summary} onChange={(e) => setSummary(e.target.value)} disabled={busy} />
          </div>
        )}
        {carried.includes('announcement') && (
          <>
            <div className="field">
              <label htmlFor="edition-announcement-title">{t('edition.announcementTitle')}</label>
              <input id="edition-announcement-title" required maxLength={300} value={announcement.title} onChange={set('title')} disabled={busy} />
            </div>
            <div className="field">
              <label htmlFor="edition-announcement-url">{t('edition.announcementUrl')}</label>
              <input id="edition-announcement-url" type="url" maxLength={2000} value={announcement.url} onChange={set('url')} disabled={busy} />
            </div>
            <div className="field">
              <label htmlFor="edition-announcement-reference">{t('edition.announcementReference')}</label>
              <input id="edition-announcement-reference" maxLength={100} value={announcement.reference} onChange={set('reference')} disabled={busy} />
            </div>
          </>
        )}
        <Button type="submit" busy={busy} data-testid="edition-texts-save">
          {t('edition.textsSave')}
        </Button>
      </form>
    </section>
  );
};
