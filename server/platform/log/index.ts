/**
 * Structured operational log lines: one JSON object per line on stderr (`{"time","level","event",…}`), for what an
 * operator searches for — a database failover, a subscriber failing — next to Fastify's own JSON request log
 * (`serve --log`). Fields are ids and small facts, never personal data.
 */
export type Level = 'info' | 'warn' | 'error';

let sink: (line: string) => void = (line) => process.stderr.write(`${line}\n`);

export function logEvent(level: Level, event: string, fields: Record<string, unknown> = {}) {
  sink(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
}

/** Tests capture the lines; returns the function that restores stderr. */
export function captureLog(into: string[]): () => void {
  const prev = sink;
  sink = (line) => into.push(line);
  return () => (sink = prev);
}
