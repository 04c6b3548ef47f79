/**
 * The one table of the app: a caption, columns declared as data (a header, how a row fills the
 * cell, right-aligned figures, the column that names the row), a key per row and, when there are
 * no rows, a message in its place. Markup: <caption>, <th scope="col">, and <th scope="row"> for
 * the column that names its row.
 */
import { Fragment, useId, type HTMLAttributes, type ReactNode, type TdHTMLAttributes } from 'react';

type DataAttributes = Record<`data-${string}`, string | undefined>;

export interface Column<R> {
  /** The column's heading ('' for a column of links or actions); also its React key unless `key` is given. */
  header: ReactNode;
  key?: string;
  cell: (row: R, index: number) => ReactNode;
  /** Figures (money, counts): right-aligned, not wrapped. */
  numeric?: boolean;
  /** This column names the row: its cells are <th scope="row">. */
  rowHeader?: boolean;
  /** Extra attributes of a body cell (data-*, style, className). */
  cellProps?: (row: R) => TdHTMLAttributes<HTMLTableCellElement> & DataAttributes;
}

interface DataTableProps<R> {
  /** What the table shows; a table should have one (the progress report's read-only tables have none yet). */
  caption?: ReactNode;
  columns: readonly (Column<R> | false | null | undefined)[];
  rows: readonly R[];
  rowKey: (row: R, index: number) => string | number;
  /** Shown instead of the table when there are no rows; without it, an empty table is shown. */
  empty?: ReactNode;
  testId?: string;
  /** Extra classes of the table (after tp-table). */
  className?: string;
  /** Extra attributes of a row (data-*, className). */
  rowProps?: (row: R, index: number) => HTMLAttributes<HTMLTableRowElement> & DataAttributes;
  /** Rows after the body (totals), in a <tfoot>. */
  footer?: ReactNode;
  /** Messages under a row (an outcome, an editor), each in a row of its own spanning every column; null for none. */
  rowDetail?: (row: R, index: number) => ReactNode | readonly ReactNode[];
  /** A note under the table, inside its scrolling frame. */
  footnote?: ReactNode;
}

export function DataTable<R>({ caption, columns, rows, rowKey, empty, testId, className, rowProps, rowDetail, footer, footnote }: DataTableProps<R>) {
  const captionId = useId();
  if (rows.length === 0 && empty !== undefined) return <p>{empty}</p>;
  const cols = columns.filter((c): c is Column<R> => Boolean(c));
  const keyOf = (c: Column<R>, i: number) => c.key ?? (typeof c.header === 'string' && c.header !== '' ? c.header : `col-${i}`);
  return (
    // A wide table scrolls sideways on a phone: its frame takes the keyboard's focus so it can be
    // scrolled without a mouse, and is named by the table's caption.
    <div className="tp-table-wrap" tabIndex={0} {...(caption !== undefined ? { role: 'region', 'aria-labelledby': captionId } : {})}>
      <table className={className ? `tp-table ${className}` : 'tp-table'} {...(testId ? { 'data-testid': testId } : {})}>
        {caption !== undefined ? <caption id={captionId}>{caption}</caption> : null}
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
          {rows.map((row, r) => {
            const detail = rowDetail ? rowDetail(row, r) : null;
            // Keyed by place, so that one message coming or going does not remount the other.
            const details = (Array.isArray(detail) ? detail : [detail]).map((d: ReactNode, place) => ({ d, place })).filter(({ d }) => Boolean(d));
            return (
              <Fragment key={rowKey(row, r)}>
                <tr {...(rowProps ? rowProps(row, r) : {})}>
                  {cols.map((c, i) => {
                    const Cell = c.rowHeader ? 'th' : 'td';
                    const extra = c.cellProps ? c.cellProps(row) : {};
                    const className = [c.numeric ? 'tp-num' : '', extra.className ?? ''].filter(Boolean).join(' ');
                    return (
                      <Cell key={keyOf(c, i)} {...(c.rowHeader ? { scope: 'row' } : {})} {...extra} {...(className ? { className } : {})}>
                        {c.cell(row, r)}
                      </Cell>
                    );
                  })}
                </tr>
                {details.map(({ d, place }) => (
                  <tr key={`detail-${place}`}>
                    <td colSpan={cols.length}>{d}</td>
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
        {footer ? <tfoot>{footer}</tfoot> : null}
      </table>
      {footnote}
    </div>
  );
}
