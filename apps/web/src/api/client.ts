import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema';
import { ApiError } from './errors';

/** The header the api requires on every write the session cookie carries (CSRF defence). */
const CONSOLE_HEADER = { 'X-Duban-Console': '1' };

type ExpiredListener = () => void;
let onSessionExpired: ExpiredListener = () => undefined;

/** The session provider is told when any call answers 401, so it can send the person to sign-in. */
export function whenSessionExpires(listener: ExpiredListener): void {
  onSessionExpired = listener;
}

const expiry: Middleware = {
  onResponse({ request, response }) {
    const path = new URL(request.url).pathname;
    // A wrong password at sign-in is a 401 too, and /auth/me asks whether anyone is signed in.
    if (response.status === 401 && !path.endsWith('/auth/session') && !path.endsWith('/auth/me')) {
      onSessionExpired();
    }
    return undefined;
  },
};

/** Typed calls to the api on this origin, by the paths and schemas of its OpenAPI document. */
export const api = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? 'http://localhost',
  headers: CONSOLE_HEADER,
  credentials: 'same-origin',
});
api.use(expiry);

interface Outcome<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * The data of a call, or an ApiError carrying the status and the api's message: for TanStack
 * Query's queryFn and mutationFn, which expect a rejected promise on failure.
 */
export async function unwrap<T>(call: Promise<Outcome<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) {
    throw ApiError.from(response, error);
  }
  return data as T;
}

/**
 * Downloads a file the api sends (xlsx, csv, html report) under the name it suggests, or always
 * under `name` when `serverName` is false; answers the name the file was saved under.
 */
export async function download(
  path: string,
  name: string,
  { serverName = true }: { serverName?: boolean } = {},
): Promise<string> {
  const response = await fetch(path, { headers: CONSOLE_HEADER, credentials: 'same-origin' });
  if (!response.ok) {
    if (response.status === 401) {
      onSessionExpired();
    }
    throw ApiError.from(response, await response.json().catch(() => null));
  }
  const saved = serverName ? (suggestedName(response) ?? name) : name;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = saved;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return saved;
}

/** The file name a response's Content-Disposition suggests, if any. */
function suggestedName(response: Response): string | undefined {
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const plain = /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  return encoded ? decodeURIComponent(encoded) : plain;
}
