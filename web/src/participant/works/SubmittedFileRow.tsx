import { useState } from 'react';
import { ApiError, works } from '../../api/index.ts';
import type { SubmittedFile } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { factsText, formatBytes } from '../../lib/works.ts';
import { CheckProblems } from './FileProblems.tsx';

/** One current file of a requirement: name, size, what the probes found, its problems, download and remove. */
export const SubmittedFileRow = ({ file, editable, onRemoved }: { file: SubmittedFile; editable: boolean; onRemoved: () => void }) => {
  const { t, lang, pick } = useI18n();
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const facts = factsText(file.facts, lang);

  const remove = async () => {
    setRemoving(true);
    setError(null);
    try {
      await works.removeFile(file.id);
      setConfirming(false);
      onRemoved();
    } catch (e) {
      setConfirming(false);
      setError(e instanceof ApiError ? pick(e.messages) : t('error.unexpected'));
    } finally {
      setRemoving(false);
    }
  };

  return (
    <li className={`submitted-file ${file.accepted ? 'is-accepted' : 'is-refused'}`} data-testid="submitted-file" data-accepted={String(file.accepted)}>
      <div className="file-head">
        <span className="file-icon" aria-hidden="true">
          {file.accepted ? '✓' : '✕'}
        </span>
        <span className="file-name">{file.fileName}</span>
      </div>
      {file.facts?.kind === 'image' && (
        <img
          className="file-thumbnail"
          src={works.thumbnailUrl(file.id)}
          alt={file.fileName}
          width={160}
          height={Math.round((160 * file.facts.height) / Math.max(1, file.facts.width))}
          loading="lazy"
          style={{ maxWidth: '160px', height: 'auto', display: 'block' }}
          data-testid="file-thumbnail"
        />
      )}
      <p className="file-facts" data-testid="file-facts">
        {[formatBytes(file.size), ...(file.fileKind ? [file.fileKind.toUpperCase()] : []), ...facts].map((fact, i) => (
          <span key={`${i}-${fact}`}>
            {i > 0 && <span className="sep"> · </span>}
            <span className="fact">{fact}</span>
          </span>
        ))}
        <span className="sr-only">{file.accepted ? t('file.accepted') : t('file.refused')}</span>
      </p>
      <CheckProblems problems={file.problems} testId="file-problems" />
      {error && <Notice tone="error">{error}</Notice>}
      <div className="file-actions">
        <a className="btn btn-secondary" href={works.contentUrl(file.id)} download={file.fileName} data-testid="file-download">
          {t('file.download')}
        </a>
        {editable && (
          <Button variant="danger" onClick={() => setConfirming(true)} data-testid="file-remove">
            {t('file.remove')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('file.removeTitle')}
        confirmLabel={t('file.remove')}
        busy={removing}
        onConfirm={remove}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('file.removeBody', { name: file.fileName })}</p>
      </ConfirmDialog>
    </li>
  );
};
