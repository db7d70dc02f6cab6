/**
 * A progress bar on stderr for long batch work. Silent when stderr is not a TTY unless XIEZHI_PROGRESS=1,
 * so logs and CI output stay readable; a final summary line is always printed for runs over ~2 s.
 */
export interface Progress {
  tick(n?: number): void;
  done(msg?: string): void;
}

export function progress(label: string, total?: number): Progress {
  const tty = process.stderr.isTTY || process.env.XIEZHI_PROGRESS === '1';
  const start = Date.now();
  let n = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 200) return;
    last = now;
    const secs = (now - start) / 1000;
    const rate = secs > 0 ? Math.round(n / secs) : 0;
    let line: string;
    if (total && total > 0) {
      const frac = Math.min(1, n / total);
      const w = 24;
      const bar = '█'.repeat(Math.round(frac * w)).padEnd(w, '░');
      line = `${label} ${bar} ${(frac * 100).toFixed(0)}% ${n}/${total} ${rate}/s`;
    } else {
      line = `${label} ${n} ${rate}/s ${secs.toFixed(1)}s`;
    }
    if (tty) process.stderr.write(`\r${line}\x1b[K`);
  };
  return {
    tick(k = 1) {
      n += k;
      if (n % 256 === 0 || k > 1) draw();
    },
    done(msg) {
      draw(true);
      const secs = (Date.now() - start) / 1000;
      if (tty) process.stderr.write('\n');
      else if (secs > 2) process.stderr.write(`${label}: ${n} in ${secs.toFixed(1)}s\n`);
      if (msg) process.stderr.write(`${msg}\n`);
    },
  };
}
