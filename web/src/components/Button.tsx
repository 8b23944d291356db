import type { ButtonHTMLAttributes } from 'react';
import { useI18n } from '../i18n.ts';

/** A button that, while its action runs, is disabled and says so with a spinner. */
export const Button = ({
  busy = false,
  variant = 'primary',
  busyText,
  children,
  disabled,
  className,
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & {
  busy?: boolean;
  variant?: 'primary' | 'secondary' | 'danger' | 'link';
  busyText?: string;
}) => {
  const { t } = useI18n();
  return (
    <button
      type="button"
      {...rest}
      className={`btn btn-${variant}${className ? ` ${className}` : ''}`}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
    >
      {busy ? (
        <>
          <span className="spinner" aria-hidden="true" />
          {busyText ?? t('common.working')}
        </>
      ) : (
        children
      )}
    </button>
  );
};
