import { useRef, useState } from 'react';
import { useI18n } from '../i18n.ts';
import { copyText, type CopyOutcome } from '../lib/clipboard.ts';

/** A read-only value with a copy button: invitation links and codes. Copies on any browser, or says to copy by hand. */
export const CopyField = ({ label, value, testId }: { label: string; value: string; testId?: string }) => {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<CopyOutcome | null>(null);
  const copy = async () => {
    const copySelection = () => {
      input.current?.focus();
      input.current?.select();
      return document.execCommand('copy');
    };
    const writeText = navigator.clipboard?.writeText ? (text: string) => navigator.clipboard.writeText(text) : undefined;
    const done = await copyText(value, { writeText, copySelection });
    setOutcome(done);
    if (done !== 'manual') setTimeout(() => setOutcome(null), 2000);
    else input.current?.select();
  };
  return (
    <div className="copy-field">
      <span className="copy-label">{label}</span>
      <div className="copy-row">
        <input ref={input} readOnly value={value} data-testid={testId} onFocus={(e) => e.currentTarget.select()} aria-label={label} />
        <button type="button" className="btn btn-secondary" onClick={copy}>
          {outcome && outcome !== 'manual' ? t('common.copied') : t('common.copy')}
        </button>
      </div>
      {outcome === 'manual' && (
        <p className="muted small" role="status" data-testid="copy-by-hand">
          {t('common.copyByHand')}
        </p>
      )}
    </div>
  );
};
