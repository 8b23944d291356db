import { Fragment } from 'react';
import { useI18n } from '../i18n.ts';
import { windowParts } from '../lib/format.ts';

/** A date window in a time zone, each end kept on one line: 2025年5月12日 — 2025年9月9日. */
export const WindowText = ({ start, end, timeZone }: { start: string; end: string; timeZone: string }) => {
  const { lang } = useI18n();
  return (
    <>
      {windowParts(start, end, timeZone, lang).map((part, i) => (
        <Fragment key={i}>
          {i > 0 && ' — '}
          <span className="nowrap">{part}</span>
        </Fragment>
      ))}
    </>
  );
};
