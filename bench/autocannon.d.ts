// autocannon ships no types; only what the intake load bench uses is declared.
declare module 'autocannon' {
  namespace autocannon {
    interface Result {
      errors: number;
      timeouts: number;
      requests: { total: number };
    }
    interface Request {
      method?: string;
      path?: string;
      headers?: Record<string, string>;
      body?: string;
      setupRequest?: (r: Record<string, unknown>) => Record<string, unknown>;
    }
    interface Options {
      url: string;
      connections?: number;
      duration?: number;
      amount?: number;
      overallRate?: number;
      requests?: Request[];
    }
    interface Instance {
      on(
        ev: 'response',
        fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void,
      ): Instance;
      once(ev: 'done', fn: (r: Result) => void): Instance;
      once(ev: 'error', fn: (e: Error) => void): Instance;
    }
  }
  function autocannon(o: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
