import { useState, type UIEvent } from 'react';

/**
 * Virtual scrolling over a fixed-size grid: only the visible rows and columns (plus a
 * few either side) are rendered, so a 1,000-column or 1,000,000-row file stays smooth.
 */
export function useWindow(opts: {
  rows: number;
  cols: number;
  rowHeight: number;
  colWidth: number;
  height: number;
  width: number;
}) {
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  const overscan = 3;
  const firstRow = Math.max(0, Math.floor(scroll.top / opts.rowHeight) - overscan);
  const lastRow = Math.min(
    opts.rows,
    Math.ceil((scroll.top + opts.height) / opts.rowHeight) + overscan,
  );
  const firstCol = Math.max(0, Math.floor(scroll.left / opts.colWidth) - overscan);
  const lastCol = Math.min(
    opts.cols,
    Math.ceil((scroll.left + opts.width) / opts.colWidth) + overscan,
  );
  const onScroll = (e: UIEvent<HTMLElement>) =>
    setScroll({ top: e.currentTarget.scrollTop, left: e.currentTarget.scrollLeft });
  return { firstRow, lastRow, firstCol, lastCol, onScroll };
}
