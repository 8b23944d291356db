import { useEffect, useRef, useState } from 'react';
import type { PreviousUpload } from 'tus-js-client';
import type { FileItem } from '../../api/types.ts';
import { Button } from '../../components/Button.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { acceptFor, fileRules, formatBytes } from '../../lib/works.ts';
import { CheckProblems } from './FileProblems.tsx';
import { StageLine } from './StageLine.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { SubmittedFileRow } from './SubmittedFileRow.tsx';
import { startUpload, unfinishedUploads, type RunningUpload, type UploadProgress } from './upload.ts';

const UploadBar = ({ progress, queued, onCancel }: { progress: UploadProgress; queued: number; onCancel: () => void }) => {
  const { t } = useI18n();
  const percent = progress.total > 0 ? Math.floor((progress.sent / progress.total) * 100) : 0;
  const state = progress.checking ? t('upload.checking') : progress.resuming ? t('upload.resuming') : t('upload.uploading');
  return (
    <div className="upload-progress" data-testid="upload-progress" data-resuming={String(progress.resuming)}>
      <div className="upload-line">
        <strong data-testid="upload-state">{state}</strong>
        <span className="file-name">{progress.fileName}</span>
      </div>
      <div className="meter" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={progress.fileName}>
        <div className="meter-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="upload-line small">
        <span className="num" data-testid="upload-percent">
          {percent}%
        </span>
        <span className="num">{t('upload.progress', { sent: formatBytes(progress.sent), total: formatBytes(progress.total) })}</span>
        {progress.speed > 0 && !progress.checking && <span className="num">{t('upload.speed', { speed: formatBytes(Math.round(progress.speed)) })}</span>}
        {queued > 0 && <span>{t('upload.queue', { n: queued })}</span>}
      </div>
      {!progress.checking && (
        <Button variant="secondary" onClick={onCancel} data-testid="upload-cancel">
          {t('upload.cancel')}
        </Button>
      )}
    </div>
  );
};

/**
 * One file requirement of the checklist: its rules in words, the current files with what the probes
 * found, and (while submission is open) a picker that uploads each chosen file resumably.
 */
export const FileRequirementItem = ({
  item,
  registrationId,
  timeZone,
  editable,
  onChanged,
}: {
  item: FileItem;
  registrationId: string;
  timeZone: string;
  /** Who may change the entry, while this requirement's stage is open. */
  editable: boolean;
  onChanged: () => void;
}) => {
  const { t, lang, pick } = useI18n();
  const { requirement } = item;
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [queue, setQueue] = useState<File[]>([]);
  const [message, setMessage] = useState<{ tone: 'error' | 'info'; text: string } | null>(null);
  const [unfinished, setUnfinished] = useState<PreviousUpload[]>([]);
  const running = useRef<RunningUpload | null>(null);
  const inputId = `upload-${requirement.id}`;
  const target = { registrationId, requirementId: requirement.id };
  const many = requirement.count.max > 1;

  useEffect(() => {
    let live = true;
    void unfinishedUploads({ registrationId, requirementId: requirement.id }).then((found) => live && setUnfinished(found));
    return () => {
      live = false;
    };
  }, [registrationId, requirement.id, progress === null]);

  // Stops a running upload when the page goes away; it stays resumable.
  useEffect(() => () => running.current?.pause(), []);

  const next = (files: File[]) => {
    const [file, ...rest] = files;
    setQueue(rest);
    if (!file) {
      setProgress(null);
      running.current = null;
      return;
    }
    setProgress({ fileName: file.name, sent: 0, total: file.size, speed: 0, resuming: false, checking: false });
    running.current = startUpload(file, target, {
      onProgress: setProgress,
      onSuccess: () => {
        onChanged();
        next(rest);
      },
      onError: (error) => {
        setMessage({ tone: 'error', text: `${file.name}：${pick(error)}` });
        onChanged();
        next(rest);
      },
    });
  };

  const choose = (list: FileList | null) => {
    const files = Array.from(list ?? []);
    if (files.length === 0) return;
    setMessage(null);
    next(many ? files : files.slice(0, 1));
  };

  const cancel = async () => {
    const current = running.current;
    running.current = null;
    setQueue([]);
    setProgress(null);
    setMessage({ tone: 'info', text: t('upload.cancelled') });
    await current?.cancel();
  };

  const rules = fileRules(requirement, lang);
  const countProblems = item.files.length === 0 ? item.problems.map((p) => ({ ...p, severity: 'warning' as const })) : item.problems;
  return (
    <li className={`card works-item item-${item.status}`} data-testid={`works-item-${requirement.id}`} data-status={item.status}>
      <div className="works-item-head">
        <h2>
          {requirement.name}
          {!requirement.required && <span className="optional"> {t('common.optionalParen')}</span>}
        </h2>
        <StatusBadge status={item.status} />
      </div>
      <StageLine stage={item.stage} timeZone={timeZone} />
      <p className="works-rules" data-testid="works-rules">
        {rules.map((rule) => (
          <span key={rule}>{rule}</span>
        ))}
      </p>
      {requirement.notes && requirement.notes.length > 0 && (
        <div className="works-notes">
          <span className="muted small">{t('worksPage.notes')}</span>
          <ul>
            {requirement.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {requirement.quote && (
        <blockquote className="quote" lang="zh-CN">
          {requirement.quote}
        </blockquote>
      )}
      {item.files.length > 0 && (
        <ul className="file-list">
          {item.files.map((file) => (
            <SubmittedFileRow key={file.id} file={file} editable={editable} onRemoved={onChanged} />
          ))}
        </ul>
      )}
      {editable && <CheckProblems problems={countProblems} testId={`item-problems-${requirement.id}`} />}
      {message && <Notice tone={message.tone}>{message.text}</Notice>}
      {editable && progress && <UploadBar progress={progress} queued={queue.length} onCancel={cancel} />}
      {editable && !progress && (
        <>
          {unfinished.map((u) => (
            <p key={u.urlStorageKey} className="unfinished small" data-testid="upload-unfinished">
              {t('upload.unfinished', { name: u.metadata.filename ?? '', size: u.size ? formatBytes(u.size) : '' })}
            </p>
          ))}
          <div className="upload-picker">
            <input
              id={inputId}
              type="file"
              className="file-input"
              accept={acceptFor(requirement.kinds)}
              multiple={many}
              data-testid={`upload-input-${requirement.id}`}
              onChange={(e) => {
                choose(e.currentTarget.files);
                e.currentTarget.value = '';
              }}
            />
            <label htmlFor={inputId} className="btn btn-primary btn-upload">
              {item.files.some((f) => f.accepted) && !many ? t('upload.replace') : many ? t('upload.chooseMany') : t('upload.choose')}
            </label>
            <p className="muted small">{t('upload.typeHint')}</p>
          </div>
        </>
      )}
    </li>
  );
};
