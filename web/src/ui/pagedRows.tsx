/**
 * Long tables render in pages as they scroll: a new sort or filter lays out one page, not 1,000+ rows.
 * The last row loads the next page when it comes near the viewport, or on request (keyboard users).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { fmtNumber } from './format.ts';

export const PAGE_ROWS = 200;

export interface PagedRows<T> {
  rows: readonly T[];
  total: number;
  showMore(): void;
  showAll(): void;
}

/** The first pages of `all`; back to one page whenever `all` changes (a new order or filter). */
export function usePagedRows<T>(all: readonly T[], pageSize = PAGE_ROWS): PagedRows<T> {
  const [limit, setLimit] = useState(pageSize);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new list starts again from the top
  useEffect(() => setLimit(pageSize), [all, pageSize]);
  const showMore = useCallback(() => setLimit((l) => l + pageSize), [pageSize]);
  const showAll = useCallback(() => setLimit(Number.POSITIVE_INFINITY), []);
  const rows = useMemo(() => (all.length > limit ? all.slice(0, limit) : all), [all, limit]);
  return { rows, total: all.length, showMore, showAll };
}

export function MoreRows<T>({
  paged,
  colSpan,
  what,
}: {
  paged: PagedRows<T>;
  colSpan: number;
  what: string;
}) {
  const ref = useRef<HTMLTableRowElement>(null);
  const { showMore } = paged;
  const more = paged.rows.length < paged.total;
  useEffect(() => {
    const el = ref.current;
    if (!more || !el || typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) showMore();
      },
      { rootMargin: '600px 0px' },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [showMore, more]);
  if (!more) return null;
  return (
    <tr ref={ref} className="more-row">
      <td colSpan={colSpan}>
        Showing {fmtNumber(paged.rows.length)} of {fmtNumber(paged.total)} {what}{' '}
        <button type="button" className="btn btn-quiet btn-small" onClick={showMore}>
          Show more
        </button>
        <button type="button" className="btn btn-quiet btn-small" onClick={paged.showAll}>
          Show all
        </button>
      </td>
    </tr>
  );
}
