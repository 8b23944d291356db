import type { ReactNode } from 'react';
import { useI18n } from '../i18n.ts';
import { Button } from './Button.tsx';
import { useModal } from './modal.ts';

/** A modal question with a confirm and a cancel button (the native <dialog>). */
export const ConfirmDialog = ({
  open,
  title,
  children,
  confirmLabel,
  variant = 'danger',
  busy,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children?: ReactNode;
  confirmLabel: string;
  /** Red for what cannot be undone (the default); primary for a step forward, like making a new edition. */
  variant?: 'danger' | 'primary';
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) => {
  const { t } = useI18n();
  const modal = useModal(open, onCancel);
  return (
    <dialog {...modal} className="dialog" data-testid="confirm-dialog">
      <h2>{title}</h2>
      {children}
      <div className="actions">
        <Button variant={variant} busy={busy} onClick={onConfirm} data-testid="confirm-yes">
          {confirmLabel}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy} data-testid="confirm-no">
          {t('common.cancel')}
        </Button>
      </div>
    </dialog>
  );
};
