import type { z } from 'zod';
import { TmdbErrorSchema } from './tmdb-responses';

/** Why a TMDB request gave nothing usable; becomes a note in the glossary, never an error of the run. */
export class TmdbRequestFailure extends Error {
  constructor(
    readonly reason: 'refused' | 'not-found' | 'rate-limited' | 'unreachable' | 'http' | 'bad-answer',
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

export interface TmdbConnection {
  /** A v4 API read access token (a JWT, sent as `Authorization: Bearer`) or a v3 API key (sent as `api_key`). */
  token: string;
  /** Default https://api.themoviedb.org. */
  baseUrl: string;
  signal?: AbortSignal;
  /** Each request's wait limit; default 15 s. */
  timeoutMs?: number;
}

const isReadAccessToken = (token: string) => /^[\w-]+\.[\w-]+\.[\w-]+$/.test(token);

/**
 * `GET {baseUrl}/3{pathname}`, its JSON answer checked against `schema`. Failures throw
 * TmdbRequestFailure, whose text never holds the token nor the URL (a v3 key rides in the query);
 * cancellation by the caller's signal throws the signal's reason.
 */
export async function tmdbGet<T extends z.ZodType>(connection: TmdbConnection, pathname: string, query: Record<string, string>, schema: T): Promise<z.output<T>> {
  const url = new URL(`${connection.baseUrl.replace(/\/+$/, '')}/3${pathname}`);
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (isReadAccessToken(connection.token)) headers.authorization = `Bearer ${connection.token}`;
  else url.searchParams.set('api_key', connection.token);
  const timeout = AbortSignal.timeout(connection.timeoutMs ?? 15_000);
  const signal = connection.signal === undefined ? timeout : AbortSignal.any([connection.signal, timeout]);
  let response: Response;
  try {
    response = await fetch(url, { headers, signal });
  } catch (error) {
    if (connection.signal?.aborted) throw connection.signal.reason;
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = timeout.aborted ? 'no answer in time' : typeof cause?.code === 'string' ? cause.code : 'network error';
    throw new TmdbRequestFailure('unreachable', code);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message = TmdbErrorSchema.safeParse(body).data?.status_message;
    const detail = `HTTP ${response.status}${message === undefined ? '' : ` (${message.replaceAll(connection.token, '…')})`}`;
    if (response.status === 401) throw new TmdbRequestFailure('refused', detail);
    if (response.status === 404) throw new TmdbRequestFailure('not-found', detail);
    if (response.status === 429) throw new TmdbRequestFailure('rate-limited', detail);
    throw new TmdbRequestFailure('http', detail);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new TmdbRequestFailure('bad-answer', `${pathname} answered in an unexpected shape`);
  return parsed.data;
}
