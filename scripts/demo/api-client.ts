/** An API answer the demo did not expect; the message carries the status and the API's words. */
export class DemoApiError extends Error {
  override readonly name = 'DemoApiError';
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    detail: string,
  ) {
    super(`${method} ${path} answered ${status}: ${detail}`);
  }
}

/** Counts of the demo's API calls by outcome, printed at the end. */
export interface CallTally {
  ok: number;
  refused: number;
  failed: number;
}

/** The HTTP API as the demo's users call it: JSON in, JSON out, a bearer token each. */
export class DemoApi {
  readonly tally: CallTally = { ok: 0, refused: 0, failed: 0 };

  constructor(readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<string> {
    const body = await this.call<{ accessToken: string }>('POST', '/auth/login', null, {
      username,
      password,
    });
    return body.accessToken;
  }

  async call<T>(method: string, path: string, token: string | null, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.ok) {
      this.tally.ok += 1;
      const type = response.headers.get('content-type') ?? '';
      return (type.includes('json') ? await response.json() : await response.text()) as T;
    }
    if (response.status < 500) {
      this.tally.refused += 1;
    } else {
      this.tally.failed += 1;
    }
    throw new DemoApiError(response.status, method, path, await response.text());
  }

  async download(path: string, token: string): Promise<Buffer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw new DemoApiError(response.status, 'GET', path, await response.text());
    }
    this.tally.ok += 1;
    return Buffer.from(await response.arrayBuffer());
  }
}
