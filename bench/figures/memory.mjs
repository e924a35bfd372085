// Resident memory of the browser's renderer and GPU processes, sampled from /proc every
// 250 ms: covers the page, its workers' heaps, WASM memory and (on the GPU side) textures.
import { readdirSync, readFileSync } from 'node:fs';
import { parseVmRssKiB, parsePpid } from '../stats.mjs';

const read = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null; // the process ended between listing and reading
  }
};

/** Pids of the renderer and GPU processes descended from `rootPid` (this Node process). */
export function browserChildPids(rootPid = process.pid) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const ppid = parsePpid(read(`/proc/${name}/stat`) ?? '');
    if (ppid === null) continue;
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  // The browser process is Playwright's child (through Debian's wrapper script); renderers
  // hang under its zygote, the GPU process directly under it.
  const found = [];
  const queue = [...(children.get(rootPid) ?? [])];
  while (queue.length) {
    const pid = queue.shift();
    queue.push(...(children.get(pid) ?? []));
    // Zygote children rewrite their title: arguments may be joined by spaces, not NULs.
    const cmd = read(`/proc/${pid}/cmdline`) ?? '';
    if (/(^|[\0 ])--type=(renderer|gpu-process)($|[\0 ])/.test(cmd)) found.push(pid);
  }
  return found;
}

/** Sum of VmRSS (MiB) over the browser's renderer and GPU processes right now. */
export function browserRssMiB() {
  let kib = 0;
  for (const pid of browserChildPids())
    kib += parseVmRssKiB(read(`/proc/${pid}/status`) ?? '') ?? 0;
  return kib / 1024;
}

/** Starts sampling every `ms`; `stop()` returns { baseline, peak, samples } in MiB. */
export function startMemorySampler(ms = 250) {
  const baseline = browserRssMiB();
  const samples = [baseline];
  const timer = setInterval(() => samples.push(browserRssMiB()), ms);
  return {
    stop() {
      clearInterval(timer);
      samples.push(browserRssMiB());
      return { baseline, peak: Math.max(...samples), samples };
    },
  };
}
