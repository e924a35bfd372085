/** Paging a long list of examples, as the examples dialog shows them. */

/** One page of a list: items [start, end), and "k–m of n" as the dialog shows it. */
export interface Page {
  /** 0-based page, clamped to the pages there are. */
  page: number;
  pages: number;
  start: number;
  end: number;
  label: string;
}

/** The items of page `page` (0-based) of `total` items, `size` a page. */
export function pageOf(total: number, size: number, page: number): Page {
  if (!(size >= 1)) throw new RangeError(`Page size ${size}`);
  const pages = Math.max(1, Math.ceil(total / size));
  const p = Math.min(Math.max(0, Math.floor(page)), pages - 1);
  const start = Math.min(p * size, total);
  const end = Math.min(start + size, total);
  const n = total.toLocaleString('en');
  const label = total === 0 ? 'No examples' : `${start + 1}–${end} of ${n}`;
  return { page: p, pages, start, end, label };
}
