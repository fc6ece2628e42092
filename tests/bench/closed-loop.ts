/**
 * A closed-loop HTTP load generator: N clients, each on its own keep-alive connection, send one
 * request, wait for the answer, and send the next, for a fixed time. Unlike autocannon it lets
 * every request be of a different kind and depend on earlier answers (a completion declared is
 * approved later), and it keeps every latency, so percentiles are exact and per kind.
 */
import { Agent, request } from 'node:http';

export interface Call {
  /** What the request is, for the per-kind figures (e.g. 'task detail'). */
  kind: string;
  method: 'GET' | 'POST' | 'PATCH';
  path: string;
  token: string;
  body?: unknown;
  /** Called with a 2xx answer's body, e.g. to queue a follow-up request. */
  onSuccess?: (body: string) => void;
}

export interface KindFigures {
  kind: string;
  count: number;
  /** Requests per second of this kind over the measured time. */
  rate: number;
  p50: number;
  p95: number;
  p99: number;
  /** Answers outside 2xx by status code, and connection errors under 'error'. */
  failures: Record<string, number>;
  /** One failed answer's body per status code, to say why. */
  samples: Record<string, string>;
}

export interface LoadResult {
  seconds: number;
  overall: KindFigures;
  kinds: KindFigures[];
}

export interface LoadOptions {
  url: string;
  clients: number;
  seconds: number;
  /** The next request of client `client` (0 … clients − 1). */
  next: (client: number) => Call;
  /**
   * Connections to reuse: pass the agent of an unmeasured warm-up run so the measured run does
   * not open its connections (a burst of connects can wait seconds for a SYN retry).
   */
  agent?: Agent;
}

/** Keep-alive connections for `clients` clients, used in turn. */
export function connections(clients: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: clients, scheduling: 'fifo' });
}

/** The p-th percentile (0 < p ≤ 100) of sorted values: the smallest value ≥ p % of them. */
export function percentile(sorted: Float64Array, p: number): number {
  if (!sorted.length) {
    return NaN;
  }
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface Tally {
  latencies: number[];
  failures: Record<string, number>;
  samples: Record<string, string>;
}

/** Sends one call on one of the agent's keep-alive connections and reads its whole answer. */
function send(agent: Agent, url: URL, call: Call): Promise<{ status: number; body: string }> {
  const body = call.body === undefined ? undefined : JSON.stringify(call.body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: call.method,
        path: call.path,
        headers: {
          authorization: `Bearer ${call.token}`,
          ...(body === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Sends one call, hands a 2xx body to its `onSuccess`, and records in `tally` the latency from
 * `from` (a performance.now() time) and any failure, with one sample answer per status.
 */
export async function sendTallied(
  agent: Agent,
  url: URL,
  call: Call,
  tally: Tally,
  from: number,
): Promise<void> {
  let outcome: string;
  try {
    const { status, body } = await send(agent, url, call);
    outcome = String(status);
    if (status >= 200 && status < 300) {
      call.onSuccess?.(body);
    } else {
      tally.samples[outcome] ??= `${call.method} ${call.path}: ${body.slice(0, 300)}`;
    }
  } catch (error) {
    outcome = 'error';
    tally.samples.error ??= `${call.method} ${call.path}: ${(error as Error).message}`;
  }
  tally.latencies.push(performance.now() - from);
  if (!outcome.startsWith('2')) {
    tally.failures[outcome] = (tally.failures[outcome] ?? 0) + 1;
  }
}

export function figures(kind: string, tally: Tally, seconds: number): KindFigures {
  const sorted = Float64Array.from(tally.latencies).sort();
  return {
    kind,
    count: sorted.length,
    rate: sorted.length / seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    failures: tally.failures,
    samples: tally.samples,
  };
}

/** Runs the clients for `seconds` and answers the latency figures (ms) overall and per kind. */
export async function runClosedLoop(options: LoadOptions): Promise<LoadResult> {
  const url = new URL(options.url);
  const agent = options.agent ?? connections(options.clients);
  const tallies = new Map<string, Tally>();
  const started = performance.now();
  const deadline = started + options.seconds * 1000;
  const client = async (index: number) => {
    while (performance.now() < deadline) {
      const call = options.next(index);
      let tally = tallies.get(call.kind);
      if (!tally) {
        tally = { latencies: [], failures: {}, samples: {} };
        tallies.set(call.kind, tally);
      }
      await sendTallied(agent, url, call, tally, performance.now());
    }
  };
  await Promise.all(Array.from({ length: options.clients }, (_, i) => client(i)));
  const seconds = (performance.now() - started) / 1000;
  if (!options.agent) {
    agent.destroy();
  }
  const all: Tally = { latencies: [], failures: {}, samples: {} };
  for (const tally of tallies.values()) {
    all.latencies = all.latencies.concat(tally.latencies);
    for (const [status, n] of Object.entries(tally.failures)) {
      all.failures[status] = (all.failures[status] ?? 0) + n;
    }
  }
  return {
    seconds,
    overall: figures('all', all, seconds),
    kinds: [...tallies].map(([kind, tally]) => figures(kind, tally, seconds)),
  };
}

/** Failed requests (non-2xx answers and connection errors) of a result. */
export function failedCount(figures: KindFigures): number {
  return Object.values(figures.failures).reduce((a, b) => a + b, 0);
}
