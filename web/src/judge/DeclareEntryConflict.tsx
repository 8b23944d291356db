import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/index.ts';
import { judging } from '../api/judging.ts';
import { Button } from '../components/Button.tsx';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';

/**
 * 声明利益冲突 from the entry itself: the server takes the judge off the entry at once, so the judge
 * goes back to the list, which no longer has it.
 */
export const DeclareEntryConflict = ({ contestId, entry, back }: { contestId: string; entry: { id: string; ref: string }; back: string }) => {
  const { t, pick } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const declare = async () => {
    setBusy(true);
    setError(null);
    try {
      await judging.declare(contestId, { kind: 'entry', registrationId: entry.id, note: note.trim() || undefined });
      navigate(back, { state: { notice: 'conflict', ref: entry.ref } });
    } catch (e) {
      setOpen(false);
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
      setBusy(false);
    }
  };

  return (
    <div className="declare-conflict">
      {error && <Notice tone="error">{error}</Notice>}
      <Button variant="link" onClick={() => setOpen(true)} data-testid="declare-entry-conflict">
        {t('judge.conflict.declare')}
      </Button>
      {open && (
        <ConfirmDialog
          open
          title={t('judge.conflict.entryTitle')}
          confirmLabel={t('judge.conflict.declare')}
          busy={busy}
          onConfirm={declare}
          onCancel={() => setOpen(false)}
        >
          <p>{t('judge.conflict.entryBody')}</p>
          <div className="field">
            <label htmlFor="conflict-note">{t('judge.conflict.note')}</label>
            <textarea id="conflict-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
        </ConfirmDialog>
      )}
    </div>
  );
};
