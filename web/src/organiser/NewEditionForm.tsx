import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, contests } from '../api/index.ts';
import type { ContestView, NextEdition } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { todayIn } from '../lib/format.ts';

/** What the new edition will be: its id, year and first and last days, as the server proposes them. */
const EditionFacts = ({ edition, names }: { edition: NextEdition; names?: boolean }) => {
  const { t } = useI18n();
  return (
    <dl className="facts wide" data-testid="edition-facts">
      {names && (
        <div>
          <dt>{t('edition.name')}</dt>
          <dd data-testid="edition-fact-name">{edition.name}</dd>
        </div>
      )}
      {names && edition.nameEn && (
        <div>
          <dt>{t('edition.nameEn')}</dt>
          <dd lang="en">{edition.nameEn}</dd>
        </div>
      )}
      <div>
        <dt>{t('edition.id')}</dt>
        <dd data-testid="edition-fact-id">{edition.id}</dd>
      </div>
      <div>
        <dt>{t('edition.year')}</dt>
        <dd data-testid="edition-fact-year">{t('edition.yearOf', { year: edition.year, previous: edition.previousYear })}</dd>
      </div>
      <div>
        <dt>{t('edition.days')}</dt>
        <dd data-testid="edition-fact-days">
          {edition.firstDay} – {edition.lastDay}
        </dd>
      </div>
    </dl>
  );
};

/** First-edition words (首届, 1st) the names still hold: the organiser keeps them only on purpose. */
const FlaggedWords = ({ edition }: { edition: NextEdition }) => {
  const { t } = useI18n();
  if (edition.flagged.length === 0) return null;
  return (
    <Notice tone="info" testId="edition-flagged">
      {t('edition.flagged', { words: [...new Set(edition.flagged.map((f) => `“${f.word}”`))].join('、') })}
    </Notice>
  );
};

/**
 * 新一届: copy the contest with every date moved so that registration opens on the chosen day (not
 * before today). The server proposes the id and names; the organiser reviews them, edits the names
 * (首届 and the like are flagged), and confirms before anything is made.
 */
export const NewEditionForm = ({ contest }: { contest: ContestView }) => {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const today = todayIn(contest.timeZone);
  const [opens, setOpens] = useState(today);
  const [proposal, setProposal] = useState<NextEdition | null>(null);
  const [names, setNames] = useState({ name: '', nameEn: '' });
  const [confirming, setConfirming] = useState<NextEdition | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
      setConfirming(null);
    }
    setBusy(false);
  };
  const review = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const { edition } = await contests.nextEdition(contest.id, { registrationOpens: opens });
      setProposal(edition);
      setNames({ name: edition.name, nameEn: edition.nameEn ?? '' });
    });
  };
  // The server checks the edited names (and says what the copy would be) before the organiser confirms.
  const askToConfirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => setConfirming((await contests.nextEdition(contest.id, { registrationOpens: opens, ...names })).edition));
  };
  const create = () =>
    void run(async () => {
      const { contest: copy } = await contests.copy(contest.id, { registrationOpens: opens, ...names });
      navigate(`/contests/${copy.id}`);
    });

  return (
    <section className="section">
      <div className="card new-edition">
        <h2>{t('edition.title')}</h2>
        <p className="muted">{t('edition.explain')}</p>
        {error && <Notice tone="error">{error}</Notice>}
        <form onSubmit={review} data-testid="new-edition-form">
          <div className="field">
            <label htmlFor="edition-opens">{t('edition.opens')}</label>
            <input
              id="edition-opens"
              type="date"
              name="registrationOpens"
              required
              min={today}
              value={opens}
              onChange={(e) => {
                setOpens(e.target.value);
                setProposal(null);
              }}
              disabled={busy}
            />
          </div>
          {!proposal && (
            <Button type="submit" busy={busy} data-testid="new-edition-review">
              {t('edition.review')}
            </Button>
          )}
        </form>
        {proposal && (
          <form onSubmit={askToConfirm} data-testid="new-edition-names">
            <EditionFacts edition={proposal} />
            <FlaggedWords edition={proposal} />
            <div className="field">
              <label htmlFor="edition-name">{t('edition.name')}</label>
              <input
                id="edition-name"
                required
                maxLength={200}
                value={names.name}
                onChange={(e) => setNames({ ...names, name: e.target.value })}
                disabled={busy}
              />
            </div>
            <div className="field">
              <label htmlFor="edition-name-en">{t('edition.nameEn')}</label>
              <input
                id="edition-name-en"
                lang="en"
                maxLength={200}
                value={names.nameEn}
                onChange={(e) => setNames({ ...names, nameEn: e.target.value })}
                disabled={busy}
              />
            </div>
            {proposal.carriedOver.length > 0 && <p className="muted small">{t('edition.carriedOver')}</p>}
            <Button type="submit" busy={busy} data-testid="new-edition-submit">
              {t('edition.create')}
            </Button>
          </form>
        )}
      </div>
      <ConfirmDialog
        open={confirming !== null}
        title={t('edition.confirm')}
        confirmLabel={t('edition.create')}
        variant="primary"
        busy={busy}
        onConfirm={create}
        onCancel={() => setConfirming(null)}
      >
        {confirming && (
          <>
            <EditionFacts edition={confirming} names />
            <FlaggedWords edition={confirming} />
          </>
        )}
      </ConfirmDialog>
    </section>
  );
};
