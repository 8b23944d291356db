import { Button } from '../components/Button.tsx';
import { useI18n } from '../i18n.ts';
import { localParts } from '../lib/format.ts';
import { saveStatus, type AutosaveState } from './autosave.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** 18:02:11 in the contest's time zone: the judge compares it with the clock on the wall. */
export const clockTime = (iso: string, timeZone: string) => {
  const p = localParts(iso, timeZone);
  return `${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}`;
};

/** 已自动保存 18:02:11 · 保存中… · 保存失败 with a retry: what became of the last change. */
export const SaveStatus = <V,>({ state, timeZone, onRetry }: { state: AutosaveState<V>; timeZone: string; onRetry: () => void }) => {
  const { t, pick } = useI18n();
  const status = saveStatus(state);
  return (
    <div className={`save-status save-${status}`} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      {status === 'saving' && (
        <>
          <span className="spinner" aria-hidden="true" />
          {t('judge.save.saving')}
        </>
      )}
      {status === 'saved' && state.savedAt && t('judge.save.saved', { time: clockTime(state.savedAt, timeZone) })}
      {status === 'unsaved' && t('judge.save.unsaved')}
      {status === 'failed' && state.failure && (
        <>
          <span>{t('judge.save.failed', { message: pick(state.failure.message) })}</span>{' '}
          <Button variant="secondary" onClick={onRetry} data-testid="save-retry">
            {t('judge.save.retry')}
          </Button>
        </>
      )}
    </div>
  );
};
