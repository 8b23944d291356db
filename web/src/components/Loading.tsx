/**
 * The screen index.html shows before the script runs, kept while the first page's code and data
 * load, so a slow connection never shows a blank page. Both languages: the choice is not read yet.
 */
export const BootLoading = () => (
  <div className="boot" role="status">
    <div className="boot-bar">
      <span className="boot-mark" aria-hidden="true">
        擂
      </span>{' '}
      擂台 Leitai
    </div>
    <div className="boot-spinner" aria-hidden="true" />
    <p className="boot-text" data-testid="boot-loading">
      加载中… <span lang="en">Loading…</span>
    </p>
  </div>
);
