import { useState } from 'react';
import { useI18n } from '../i18n.ts';

/** A read-only value with a copy button: invitation links and codes. */
export const CopyField = ({ label, value, testId }: { label: string; value: string; testId?: string }) => {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
      setTimeout(() => setCopied(false), 2000);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="copy-field">
      <span className="copy-label">{label}</span>
      <div className="copy-row">
        <input readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} aria-label={label} />
        <button type="button" className="btn btn-secondary" onClick={copy}>
          {copied ? t('common.copied') : t('common.copy')}
        </button>
      </div>
    </div>
  );
};
