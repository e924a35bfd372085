import { useWindow } from './useWindow';

const ROW_HEIGHT = 24;
const COL_WIDTH = 110;
const HEIGHT = 200;
const WIDTH = 900;

/** The first rows of the file as text; only visible cells are rendered (both directions). */
export function DataGrid({ headers, rows }: { headers: string[]; rows: string[][] }) {
  const win = useWindow({
    rows: rows.length,
    cols: headers.length,
    rowHeight: ROW_HEIGHT,
    colWidth: COL_WIDTH,
    height: HEIGHT,
    width: WIDTH,
  });
  const cols = headers.slice(win.firstCol, win.lastCol);
  const left = win.firstCol * COL_WIDTH;
  return (
    <div
      className="csv-grid"
      role="table"
      aria-label="Data preview"
      aria-rowcount={rows.length + 1}
      aria-colcount={headers.length}
      // Focusable, so the keyboard can scroll it (arrow keys) like the mouse wheel does.
      tabIndex={0}
      style={{ height: HEIGHT + ROW_HEIGHT }}
      onScroll={win.onScroll}
      data-testid="csv-data-grid"
    >
      <div
        style={{
          width: headers.length * COL_WIDTH,
          height: (rows.length + 1) * ROW_HEIGHT,
          position: 'relative',
        }}
      >
        <div className="csv-grid-row csv-grid-head" role="row" style={{ top: 0, left }}>
          {cols.map((h, k) => (
            <span key={win.firstCol + k} role="columnheader" style={{ width: COL_WIDTH }} title={h}>
              {h}
            </span>
          ))}
        </div>
        {rows.slice(win.firstRow, win.lastRow).map((row, k) => {
          const r = win.firstRow + k;
          return (
            <div
              key={r}
              className="csv-grid-row"
              role="row"
              style={{ top: (r + 1) * ROW_HEIGHT, left }}
            >
              {row.slice(win.firstCol, win.lastCol).map((cell, c) => (
                <span key={win.firstCol + c} role="cell" style={{ width: COL_WIDTH }} title={cell}>
                  {cell}
                </span>
              ))}
            </div>
          );
        })}
      </div>
    </div>
  );
}
