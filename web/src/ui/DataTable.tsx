/**
 * The app's data table: a frame that scrolls sideways on narrow screens around a `table.data`, and a
 * sortable column header. The caller writes the head, rows and foot; the look and the row states
 * (editing, pending, group and detail rows) come from DataTable.css.
 */
import type { CSSProperties, ReactNode } from 'react';
import './DataTable.css';

export function DataTable({
  className,
  flat,
  style,
  after,
  children,
}: {
  /** More classes for the <table> (a page's column widths). */
  className?: string;
  /** Without the frame's shadow, inside a card. */
  flat?: boolean;
  /** Style of the frame (a maximum height that scrolls). */
  style?: CSSProperties;
  /** Inside the frame, under the table (a note that more rows exist). */
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={flat ? 'table-wrap flat' : 'table-wrap'} style={style}>
      <table className={className ? `data ${className}` : 'data'}>{children}</table>
      {after}
    </div>
  );
}

export interface SortState<K extends string> {
  key: K;
  /** 1 ascending, -1 descending. */
  dir: 1 | -1;
}

export interface SortColumn<K extends string> {
  key: K;
  label: string;
  numeric: boolean;
  className?: string;
  title?: string;
}

/** A column header that sorts by its column; the arrow and aria-sort say the current order. */
export function SortHeader<K extends string>({
  col,
  sort,
  onSort,
}: {
  col: SortColumn<K>;
  sort: SortState<K>;
  onSort: (key: K) => void;
}) {
  const active = sort.key === col.key;
  return (
    <th
      scope="col"
      className={[`col-${col.key}`, col.numeric ? 'num' : '', col.className ?? ''].join(' ').trim()}
      aria-sort={active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
      title={col.title}
    >
      <button type="button" className="sort-button" onClick={() => onSort(col.key)}>
        {col.label}
        <span className="sort-arrow" aria-hidden="true">
          {active && sort.dir === 1 ? '▲' : '▼'}
        </span>
      </button>
    </th>
  );
}
