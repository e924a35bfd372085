/**
 * The bench's CSV reference: papaparse alone, in a worker, on the posted File, chunked in
 * the worker (Papa's own File streamer, 4 MB chunks). Cells are typed by papaparse
 * (dynamicTyping) and kept column-major in Float64Arrays, which is what the app keeps of a
 * numeric CSV; the header row is kept as names. No encoding detection, profiling,
 * fingerprint, storage or preview: those are the app's extra work.
 */
import Papa from 'papaparse';

export interface PapaResult {
  rows: number;
  columns: number;
  ms: number;
}

self.onmessage = (e: MessageEvent<File>) => {
  const file = e.data;
  const t0 = performance.now();
  let headers: string[] | null = null;
  let columns: Float64Array[] = [];
  let rows = 0;
  const grow = () => {
    columns = columns.map((c) => {
      const next = new Float64Array(c.length * 2);
      next.set(c);
      return next;
    });
  };
  Papa.parse<unknown[]>(file, {
    dynamicTyping: true,
    skipEmptyLines: true,
    chunkSize: 4 * 1024 * 1024,
    chunk: (results) => {
      for (const row of results.data) {
        if (!headers) {
          headers = row.map(String);
          columns = headers.map(() => new Float64Array(1024));
          continue;
        }
        if (rows === columns[0]?.length) grow();
        for (let j = 0; j < columns.length; j++) {
          const v = row[j];
          columns[j]![rows] = typeof v === 'number' ? v : NaN;
        }
        rows++;
      }
    },
    complete: () => {
      const result: PapaResult = { rows, columns: columns.length, ms: performance.now() - t0 };
      self.postMessage({ ok: true, result });
    },
    error: (err) => self.postMessage({ ok: false, error: err.message }),
  });
};
