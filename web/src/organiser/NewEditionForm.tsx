import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, contests } from '../api/index.ts';
import type { ContestView } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { todayIn } from '../lib/format.ts';

/** 新一届: copy the contest with every date moved so that registration opens on the chosen day. */
export const NewEditionForm = ({ contest }: { contest: ContestView }) => {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [opens, setOpens] = useState(() => todayIn(contest.timeZone));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const { contest: copy } = await contests.copy(contest.id, opens);
      navigate(`/contests/${copy.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
      setBusy(false);
    }
  };
  return (
    <section className="section">
      <form className="card new-edition" onSubmit={submit} data-testid="new-edition-form">
        <h2>{t('edition.title')}</h2>
        <p className="muted">{t('edition.explain')}</p>
        {error && <Notice tone="error">{error}</Notice>}
        <div className="field">
          <label htmlFor="edition-opens">{t('edition.opens')}</label>
          <input id="edition-opens" type="date" name="registrationOpens" required value={opens} onChange={(e) => setOpens(e.target.value)} disabled={busy} />
        </div>
        <Button type="submit" busy={busy} busyText={t('edition.creating')} data-testid="new-edition-submit">
          {t('edition.create')}
        </Button>
      </form>
    </section>
  );
};
