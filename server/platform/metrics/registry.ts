/**
 * Prometheus text exposition (format 0.0.4) without a dependency: counters and histograms kept in this process,
 * gauges read when scraped. Label values are bounded by the callers (route templates, status codes, subscriber
 * names), never free text, so the series stay few.
 */
type Labels = Record<string, string>;
const key = (l: Labels) =>
  Object.keys(l)
    .sort()
    .map((k) => `${k}="${l[k]!.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`)
    .join(',');
const fmt = (n: number) => (Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN');

export class Counter {
  private readonly values = new Map<string, number>();
  constructor(
    readonly name: string,
    readonly help: string,
  ) {}
  inc(labels: Labels = {}, by = 1) {
    const k = key(labels);
    this.values.set(k, (this.values.get(k) ?? 0) + by);
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} counter`];
    for (const [k, v] of this.values) lines.push(`${this.name}${k ? `{${k}}` : ''} ${fmt(v)}`);
    return lines.join('\n');
  }
}

export class Histogram {
  private readonly series = new Map<string, { counts: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly buckets: number[] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  ) {}
  observe(labels: Labels, value: number) {
    const k = key(labels);
    let s = this.series.get(k);
    if (!s) this.series.set(k, (s = { counts: this.buckets.map(() => 0), sum: 0, count: 0 }));
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }
  render(): string {
    const lines = [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} histogram`];
    for (const [k, s] of this.series) {
      const pre = k ? `${k},` : '';
      this.buckets.forEach((b, i) => lines.push(`${this.name}_bucket{${pre}le="${b}"} ${s.counts[i]}`));
      lines.push(
        `${this.name}_bucket{${pre}le="+Inf"} ${s.count}`,
        `${this.name}_sum${k ? `{${k}}` : ''} ${fmt(s.sum)}`,
        `${this.name}_count${k ? `{${k}}` : ''} ${s.count}`,
      );
    }
    return lines.join('\n');
  }
}

export interface GaugeSample {
  name: string;
  help: string;
  samples: { labels?: Labels; value: number | null }[];
}

/** Gauges as read at scrape time; a null value (not measurable now) is left out rather than reported as 0. */
export function renderGauges(gauges: GaugeSample[]): string {
  return gauges
    .map((g) =>
      [
        `# HELP ${g.name} ${g.help}`,
        `# TYPE ${g.name} gauge`,
        ...g.samples
          .filter((s) => s.value !== null)
          .map(
            (s) => `${g.name}${s.labels && Object.keys(s.labels).length ? `{${key(s.labels)}}` : ''} ${fmt(s.value!)}`,
          ),
      ].join('\n'),
    )
    .join('\n');
}

/** This process's request metrics (the HTTP edge records them; /metrics renders them). */
export const httpMetrics = {
  requests: new Counter('xiezhi_http_requests_total', 'HTTP requests answered, by method, route template and status'),
  duration: new Histogram(
    'xiezhi_http_request_duration_seconds',
    'HTTP request latency in seconds, by method and route template',
  ),
};

export function renderHttpMetrics(): string {
  return `${httpMetrics.requests.render()}\n${httpMetrics.duration.render()}`;
}
