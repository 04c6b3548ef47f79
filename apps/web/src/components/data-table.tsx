/**
 * The one table of the app: a caption, columns declared as data (a header, how a row fills the
 * cell, right-aligned figures, the column that names the row), a key per row and, when there are
 * no rows, a message in its place. Markup: <caption>, <th scope="col">, and <th scope="row"> for
 * the column that names its row.
 */
import type { HTMLAttributes, ReactNode } from 'react';

export interface Column<R> {
  /** The column's heading ('' for a column of links or actions); also its React key unless `key` is given. */
  header: ReactNode;
  key?: string;
  cell: (row: R, index: number) => ReactNode;
  /** Figures (money, counts): right-aligned, not wrapped. */
  numeric?: boolean;
  /** This column names the row: its cells are <th scope="row">. */
  rowHeader?: boolean;
}

interface DataTableProps<R> {
  caption: ReactNode;
  columns: readonly (Column<R> | false | null | undefined)[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
  /** Shown instead of the table when there are no rows; without it, an empty table is shown. */
  empty?: ReactNode;
  testId?: string;
  /** Extra classes of the table (after tp-table). */
  className?: string;
  /** Extra attributes of a row (data-*, className). */
  rowProps?: (row: R, index: number) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  /** Rows after the body (totals), in a <tfoot>. */
  footer?: ReactNode;
}

export function DataTable<R>({ caption, columns, rows, rowKey, empty, testId, className, rowProps, footer }: DataTableProps<R>) {
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  const cols = columns.filter((c): c is Column<R> => Boolean(c));
  const keyOf = (c: Column<R>, i: number) => c.key ?? (typeof c.header === 'string' && c.header !== '' ? c.header : `col-${i}`);
  return (
    <div className="tp-table-wrap">
      <table className={className ? `tp-table ${className}` : 'tp-table'} {...(testId ? { 'data-testid': testId } : {})}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {cols.map((c, i) => (
              <th key={keyOf(c, i)} scope="col" {...(c.numeric ? { className: 'tp-num' } : {})}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={rowKey(row, r)} {...(rowProps ? rowProps(row, r) : {})}>
              {cols.map((c, i) => {
                const Cell = c.rowHeader ? 'th' : 'td';
                return (
                  <Cell key={keyOf(c, i)} {...(c.rowHeader ? { scope: 'row' } : {})} {...(c.numeric ? { className: 'tp-num' } : {})}>
                    {c.cell(row, r)}
                  </Cell>
                );
              })}
            </tr>
          ))}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
    </div>
  );
}
