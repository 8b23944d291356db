import type { WorkFile, WorkView } from '../api/judging.ts';
import { useI18n } from '../i18n.ts';

const isLink = (value: string) => /^https?:\/\//i.test(value);

/** One file in the page: a picture, a playable video, a PDF to read in place; anything else to download. */
const FileView = ({ file }: { file: WorkFile }) => {
  const { t } = useI18n();
  // Shown in the page (the server answers inline, in ranges, so a video seeks and plays on an iPhone).
  const shown = `${file.url}?inline=1`;
  const open = (
    <a href={shown} target="_blank" rel="noopener" className="small">
      {t('judge.entry.openFile')}
    </a>
  );
  const type = file.mediaType ?? '';
  if (type.startsWith('image/')) {
    return (
      <figure className="judge-file">
        <img src={shown} alt={file.fileName} loading="lazy" />
        <figcaption className="small muted">
          {file.fileName} · {open}
        </figcaption>
      </figure>
    );
  }
  if (type.startsWith('video/')) {
    return (
      <figure className="judge-file">
        <video controls preload="metadata" playsInline src={shown} aria-label={file.fileName} />
        <figcaption className="small muted">{file.fileName}</figcaption>
      </figure>
    );
  }
  if (type === 'application/pdf') {
    return (
      <figure className="judge-file">
        <iframe className="judge-pdf" src={shown} title={file.fileName} />
        <figcaption className="small muted">
          {file.fileName} · {open}
        </figcaption>
      </figure>
    );
  }
  return (
    <p className="judge-file">
      <a href={file.url} download={file.fileName}>
        {t('judge.entry.download')} {file.fileName}
      </a>
    </p>
  );
};

/** 作品材料: each requirement with what the entry handed in, shown in the page. */
export const WorksViewer = ({ works }: { works: WorkView[] }) => {
  const { t } = useI18n();
  return (
    <section className="judge-works" aria-labelledby="works-heading" data-testid="judge-works">
      <h2 id="works-heading">{t('judge.entry.works')}</h2>
      {works.length === 0 && <p className="muted">{t('judge.entry.noWorks')}</p>}
      {works.map((work) => (
        <div key={work.requirement} className="judge-work" data-requirement={work.requirement}>
          <h3>{work.name}</h3>
          {work.value !== null &&
            (isLink(work.value) ? (
              <p>
                <a href={work.value} target="_blank" rel="noopener noreferrer">
                  {work.value}
                </a>
              </p>
            ) : (
              <p className="judge-text">{work.value}</p>
            ))}
          {work.files.map((file) => (
            <FileView key={file.id} file={file} />
          ))}
          {work.value === null && work.files.length === 0 && <p className="muted small">{t('judge.entry.noFile')}</p>}
        </div>
      ))}
    </section>
  );
};
