import { useId, useState } from 'react';
import { ApiError, registrations } from '../api/index.ts';
import type { RegistrationView } from '../api/types.ts';
import { ConfirmDialog } from '../components/ConfirmDialog.tsx';
import { Notice } from '../components/Problems.tsx';
import { useI18n } from '../i18n.ts';
import { isReasonGiven } from './reveal.ts';

/**
 * Asks an organiser why they need one entry's people in full; the server records the reason with
 * the reveal in the audit log and answers the entry unmasked.
 */
export const RevealDialog = ({
  registration,
  onRevealed,
  onClose,
}: {
  registration: RegistrationView | null;
  onRevealed: (full: RegistrationView) => void;
  onClose: () => void;
}) => {
  const { t, pick } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    setReason('');
    setError(null);
    onClose();
  };
  const reveal = async () => {
    if (!registration) return;
    if (!isReasonGiven(reason)) return setError(t('reveal.reasonTooShort'));
    setBusy(true);
    setError(null);
    try {
      onRevealed((await registrations.reveal(registration.id, reason.trim())).registration);
      close();
    } catch (e) {
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog open={registration !== null} title={t('reveal.title')} confirmLabel={t('reveal.confirm')} busy={busy} onConfirm={reveal} onCancel={close}>
      <p className="small">{t('reveal.explain')}</p>
      <label htmlFor={id}>{t('reveal.reason')}</label>
      <textarea id={id} value={reason} rows={2} maxLength={500} onChange={(e) => setReason(e.target.value)} data-testid="reveal-reason" />
      {error && <Notice tone="error">{error}</Notice>}
    </ConfirmDialog>
  );
};
