import type { ReactNode } from 'react';

/**
 * A table that scrolls sideways on a narrow screen rather than widening the page: its column heads
 * (the `<th>`s of one row), then its rows. `className` adds to `table` (`compact`, the table's own).
 */
export const Table = ({ className, testId, heads, children }: { className?: string; testId?: string; heads: ReactNode; children: ReactNode }) => (
  <div className="table-scroll">
    <table className={className ? `table ${className}` : 'table'} data-testid={testId}>
      <thead>
        <tr>{heads}</tr>
      </thead>
      <tbody>{children}</tbody>
    </table>
  </div>
);
