import { useCallback, useEffect, useState } from 'react';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { contests, registrations, works as worksApi } from '../../api/index.ts';
import type { WorksView } from '../../api/types.ts';
import { DemoBadge } from '../../components/Badge.tsx';
import { Notice } from '../../components/Problems.tsx';
import { useI18n } from '../../i18n.ts';
import { withLogin } from '../../lib/guard.ts';
import { timeZoneName } from '../../lib/time-zone.ts';
import { formatDateTime } from '../../lib/format.ts';
import { countdownText, formatSpan } from '../../lib/works.ts';
import { namingText } from '../../public/contest/WorksBlock.tsx';
import { FieldRequirementItem } from './FieldRequirementItem.tsx';
import { FileRequirementItem } from './FileRequirementItem.tsx';
import { inStageOrder } from './stages.ts';

export const loader = async ({ params, request }: LoaderFunctionArgs) =>
  withLogin(request, async () => {
    const [{ works }, { registration }] = await Promise.all([worksApi.get(params.id!, request.signal), registrations.get(params.id!, request.signal)]);
    const { contest } = await contests.get(works.contestId, request.signal);
    return { works, contest, mayUpload: registration.can.upload };
  });

/** The current time, ticking each `everyMs` (for the countdown). */
const useNow = (everyMs: number) => {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
};

const Deadline = ({ works, timeZone }: { works: WorksView; timeZone: string }) => {
  const { t, lang } = useI18n();
  const now = useNow(30_000);
  if (!works.deadline) return <p className="muted">{t('worksPage.noDeadline')}</p>;
  // The deadline is the window's exclusive end (midnight after a published day): the last moment that counts is one second before.
  const deadline = new Date(works.deadline);
  const lastMoment = new Date(deadline.getTime() - 1000).toISOString();
  const countdown = countdownText(deadline, now, lang);
  return (
    <div className="deadline" data-testid="works-deadline">
      <p>
        <strong>{t('worksPage.deadline', { at: formatDateTime(lastMoment, timeZone, lang), zone: timeZoneName(timeZone, lang) })}</strong>
        {countdown && (
          <span className="badge badge-demo countdown" data-testid="works-countdown">
            {countdown}
          </span>
        )}
      </p>
      {works.graceMinutes > 0 && <p className="muted small">{t('worksPage.grace', { span: formatSpan(works.graceMinutes * 60, lang) })}</p>}
    </div>
  );
};

/** 作品提交: the entry's works as a checklist that turns green as each requirement is met. */
export const Component = () => {
  const loaded = useLoaderData<typeof loader>();
  const { contest } = loaded;
  const i18n = useI18n();
  const { t, name } = i18n;
  const [works, setWorks] = useState(loaded.works);
  useEffect(() => setWorks(loaded.works), [loaded.works]);
  const refresh = useCallback(async () => {
    try {
      setWorks((await worksApi.get(loaded.works.registrationId)).works);
    } catch {
      // the next refresh will tell
    }
  }, [loaded.works.registrationId]);

  // Its people, the organisers and its zone's coordinator read the works; only who may change the entry uploads or deletes.
  const editable = works.submissionOpen && loaded.mayUpload;
  const items = [...works.files, ...works.fields];
  const ordered = inStageOrder([...works.files.map((file) => ({ file, stage: file.stage })), ...works.fields.map((field) => ({ field, stage: field.stage }))]);
  const open = (item: (typeof items)[number]) => editable && item.stage.state === 'open';
  const later = items.filter((item) => item.status === 'upcoming').length;
  const left = items.filter((item) => item.status !== 'done' && item.status !== 'upcoming').length;
  return (
    <div className="narrow works-page" data-testid="works-page" data-complete={String(works.complete)}>
      <p className="breadcrumb">
        <Link to="/me">← {t('nav.myRegistrations')}</Link>
      </p>
      <h1>
        {t('worksPage.title')} {contest.isDemo && <DemoBadge />}
      </h1>
      <p className="lead">
        <strong>{works.title}</strong> · <span className="ref">{works.ref}</span>
        <br />
        <Link to={`/contests/${contest.id}`} className="small">
          {name(contest)}
        </Link>
      </p>
      <Deadline works={works} timeZone={contest.timeZone} />
      {/* Where nothing is due yet, works-not-yet below says so: "closed" would read as too late. */}
      {!works.submissionOpen && !(items.length > 0 && later === items.length) && (
        <Notice tone="info" testId="works-closed">
          {t('worksPage.closed')}
        </Notice>
      )}
      {works.submissionOpen && !loaded.mayUpload && (
        <Notice tone="info" testId="works-read-only">
          {t('worksPage.leaderOnly')}
        </Notice>
      )}
      {items.length === 0 ? (
        <p className="empty">{t('worksPage.nothing')}</p>
      ) : later === items.length ? (
        <p className="works-summary" data-testid="works-not-yet">
          {t('worksPage.notYet')}
        </p>
      ) : works.complete ? (
        <Notice testId="works-complete">{later > 0 ? t('worksPage.completeSoFar', { n: later }) : t('worksPage.complete')}</Notice>
      ) : (
        <p className="works-summary" data-testid="works-incomplete">
          {t('worksPage.incomplete', { n: left })}
        </p>
      )}
      <ul className="works-list">
        {ordered.map((entry) =>
          'file' in entry ? (
            <FileRequirementItem
              key={`file-${entry.file.requirement.id}`}
              item={entry.file}
              registrationId={works.registrationId}
              timeZone={works.timeZone}
              editable={open(entry.file)}
              onChanged={refresh}
            />
          ) : (
            <FieldRequirementItem
              key={`field-${entry.field.requirement.id}`}
              item={entry.field}
              registrationId={works.registrationId}
              timeZone={works.timeZone}
              editable={open(entry.field)}
              onSaved={setWorks}
            />
          ),
        )}
      </ul>
      {(works.naming || works.originality.length > 0) && (
        <div className="works-footnotes muted small">
          {works.naming && <p>{t('worksPage.naming', { pattern: namingText(works.naming, i18n) })}</p>}
          {works.originality.length > 0 && <p>{t('worksPage.originality')}</p>}
        </div>
      )}
    </div>
  );
};
