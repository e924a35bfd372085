// Statistics for the bench: every figure is the median of repeated runs with min and max.

/** Median, min and max of a non-empty list of numbers. */
export function summarize(values) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: null, min: null, max: null, n: 0 };
  const mid = Math.floor(v.length / 2);
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { median, min: v[0], max: v[v.length - 1], n: v.length };
}

/** The p-th percentile (0..100) by nearest rank. */
export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const rank = Math.min(v.length - 1, Math.max(0, Math.ceil((p / 100) * v.length) - 1));
  return v[rank];
}

/** Formats a summary as "median (min–max)" with the given digits. */
export function formatSummary(s, digits = 1, unit = '') {
  if (s.median === null) return 'n/a';
  const f = (x) => x.toFixed(digits);
  return s.n > 1 ? `${f(s.median)}${unit} (${f(s.min)}–${f(s.max)})` : `${f(s.median)}${unit}`;
}

/** Checks a results object against the bench's JSON schema; returns a list of problems. */
export function validateResults(r) {
  const problems = [];
  const need = (cond, msg) => {
    if (!cond) problems.push(msg);
  };
  need(r && typeof r === 'object', 'results must be an object');
  if (!r || typeof r !== 'object') return problems;
  need(typeof r.date === 'string', 'date must be a string');
  need(typeof r.commit === 'string', 'commit must be a string');
  need(typeof r.smoke === 'boolean', 'smoke must be a boolean');
  need(r.environment && typeof r.environment === 'object', 'environment must be an object');
  need(Array.isArray(r.figures), 'figures must be an array');
  for (const [i, f] of (Array.isArray(r.figures) ? r.figures : []).entries()) {
    need(typeof f.name === 'string', `figures[${i}].name must be a string`);
    need(typeof f.unit === 'string', `figures[${i}].unit must be a string`);
    need(Array.isArray(f.samples), `figures[${i}].samples must be an array`);
    need(f.summary && 'median' in f.summary, `figures[${i}].summary must have a median`);
  }
  return problems;
}

/** Amount per second over `ms` milliseconds (MB/s, images/s); null when the time is not positive. */
export function perSecond(amount, ms) {
  return Number.isFinite(ms) && ms > 0 && Number.isFinite(amount) ? (amount * 1000) / ms : null;
}

/** VmRSS in KiB from the text of /proc/<pid>/status; null when absent (kernel threads, gone). */
export function parseVmRssKiB(status) {
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  return m ? Number(m[1]) : null;
}

/** The parent pid from the text of /proc/<pid>/stat (the command may contain spaces and parens). */
export function parsePpid(stat) {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  const ppid = Number(stat.slice(close + 2).split(' ')[1]);
  return Number.isInteger(ppid) ? ppid : null;
}

/**
 * Figure 1's timed window over whole epochs, so the app's and the reference's windows hold
 * the same epoch-end work (one validation pass and one weights read per epoch) and start
 * once every compile is behind both: after epoch 2 (plain `model.fit` compiles its
 * validation programs at epoch 1's end, inside a window starting there). From the end of
 * epoch 2's last batch to the end of the first later epoch's last batch at least `minMs`
 * after it. `times`: batch end times (ms) in order, every epoch of `trainRows` rows in
 * ceil(trainRows / batchSize) batches. Null until such an epoch has ended.
 */
export function epochWindow(times, trainRows, batchSize, minMs) {
  const perEpoch = Math.ceil(trainRows / batchSize);
  const start = times[2 * perEpoch - 1];
  if (!Number.isFinite(start)) return null;
  for (let end = 3 * perEpoch - 1; end < times.length; end += perEpoch) {
    const ms = times[end] - start;
    if (ms >= minMs) {
      const epochs = (end + 1) / perEpoch - 2;
      return { epochs, ms, samplesPerSec: (epochs * trainRows * 1000) / ms };
    }
  }
  return null;
}
