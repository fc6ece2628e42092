/** A small HTTP client over fetch that never throws: every answer, or the lack of one, is data. */

export interface Answer<T = unknown> {
  status: number;
  /** 0 when no answer came: `error` says why (refused, reset, timed out). */
  error: string | null;
  retryAfter: string | null;
  body: T;
  ms: number;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  /** Sent as is (a string or bytes), with `contentType`. */
  raw?: string | Uint8Array | FormData;
  contentType?: string;
  headers?: Record<string, string>;
  timeoutMs?: number;
}

export class Http {
  constructor(readonly baseUrl: string) {}

  async request<T = unknown>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<Answer<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token !== undefined) {
      headers.authorization = `Bearer ${options.token}`;
    }
    let body: string | Uint8Array | FormData | undefined;
    if (options.raw !== undefined) {
      body = options.raw;
      if (options.contentType) {
        headers['content-type'] = options.contentType;
      }
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const started = performance.now();
    try {
      const response = await fetch(this.baseUrl + path, {
        method,
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
      const text = await response.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        // not JSON (a file)
      }
      return {
        status: response.status,
        error: null,
        retryAfter: response.headers.get('retry-after'),
        body: parsed as T,
        ms: performance.now() - started,
      };
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const name = (error as Error).name;
      return {
        status: 0,
        error:
          name === 'TimeoutError' ? 'timeout' : (cause?.code ?? cause?.message ?? String(error)),
        retryAfter: null,
        body: null as T,
        ms: performance.now() - started,
      };
    }
  }

  /** Like `request`, but a status other than `expected` is an error of the suite's own setup. */
  async expect<T>(
    expected: number,
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<T> {
    const answer = await this.request<T>(method, path, options);
    if (answer.status !== expected) {
      throw new Error(
        `${method} ${path}: expected ${expected}, got ${answer.status || answer.error} ${JSON.stringify(answer.body)?.slice(0, 500)}`,
      );
    }
    return answer.body;
  }
}
