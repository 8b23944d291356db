import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError, contests } from '../api/index.ts';
import type { ContestView } from '../api/types.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';

/**
 * 删除本届: for an edition copied in Leitai that nobody has entered. The page shows it while the
 * counts hold no entry, active or withdrawn; the server checks again, and refuses when a later
 * edition was copied from it.
 */
export const DeleteEditionButton = ({ contest }: { contest: ContestView }) => {
  const { t, pick, name } = useI18n();
  const navigate = useNavigate();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remove = async () => {
    setBusy(true);
    setError(null);
    try {
      await contests.remove(contest.id);
      navigate(contest.editions.of ? `/organiser/contests/${contest.editions.of.id}` : '/organiser');
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
      setAsking(false);
      setBusy(false);
    }
  };
  return (
    <section className="section">
      <div className="card new-edition">
        <h2>{t('edition.delete')}</h2>
        <p className="muted">{t('edition.deleteExplain')}</p>
        {error && <Notice tone="error">{error}</Notice>}
        <Button variant="danger" onClick={() => setAsking(true)} data-testid="delete-edition">
          {t('edition.delete')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('edition.deleteConfirm', { name: name(contest) })}
        confirmLabel={t('edition.delete')}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={() => setAsking(false)}
      />
    </section>
  );
};
