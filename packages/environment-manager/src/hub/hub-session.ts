import { ModelConfigInvalidError, ModelFetchError } from '../models/model-errors';
import { HubAccessDeniedError, HubNotFoundError } from './hub-errors';
import type { HubModelEntry } from './hub-model-registry-schema';

const DEFAULT_HUB_ENDPOINT = 'https://huggingface.co';

/** What hints about a Hugging Face file name: the setting for where it comes from, and the call that pulls it. */
export const HUB_FIX = { mirrorSetting: 'HF_ENDPOINT (or --mirror)', pullFunction: 'pullHubModel' } as const;

/** What every request of one pull needs to know. */
export interface HubSession {
  entry: HubModelEntry;
  /** The hub's base URL, without a trailing slash. */
  endpoint: string;
  fromMirror: boolean;
  /** Sent as `Authorization: Bearer …` to the endpoint only, never to the CDN it redirects to. */
  token: string | undefined;
  secretsFile: string;
  signal: AbortSignal | undefined;
}

/** The hub to talk to: the mirror option, else HF_ENDPOINT (what huggingface_hub reads), else huggingface.co. */
export function hubEndpoint(mirror: string | undefined, env: NodeJS.ProcessEnv): { endpoint: string; fromMirror: boolean } {
  const chosen = mirror || env.HF_ENDPOINT || DEFAULT_HUB_ENDPOINT;
  const url = URL.canParse(chosen) ? new URL(chosen) : undefined;
  if (url === undefined || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.search !== '' || url.hash !== '') {
    throw new ModelConfigInvalidError(
      `the Hugging Face endpoint "${chosen}" is not an http(s) base URL`,
      'set HF_ENDPOINT (or --mirror) to a hub or a mirror of it, such as https://huggingface.co',
      { endpoint: chosen },
    );
  }
  const endpoint = url.href.replace(/\/+$/, '');
  return { endpoint, fromMirror: endpoint !== DEFAULT_HUB_ENDPOINT };
}

/** True for a URL on the hub itself rather than on the CDN it redirects LFS files to. */
export function isHubUrl(session: HubSession, url: string): boolean {
  return new URL(url).origin === new URL(session.endpoint).origin;
}

/** The Authorization header for `url`: only for the hub itself, as huggingface_hub drops it for the CDN. */
export function authorizationFor(session: HubSession, url: string): Record<string, string> {
  if (session.token === undefined || !isHubUrl(session, url)) return {};
  return { authorization: `Bearer ${session.token}` };
}

/**
 * One request to the hub; a network failure becomes ModelFetchError. `redirect: 'manual'` leaves redirects
 * to the caller; followed ones lose the Authorization header when they leave the hub's origin (fetch's rule).
 */
export async function hubRequest(
  session: HubSession,
  url: string,
  init: { method: 'GET' | 'HEAD'; redirect: 'follow' | 'manual'; headers: Record<string, string> },
): Promise<Response> {
  try {
    return await fetch(url, { ...init, headers: { ...authorizationFor(session, url), ...init.headers }, signal: session.signal });
  } catch (error) {
    if (session.signal?.aborted) throw error;
    throw new ModelFetchError({ model: session.entry.name, source: url, fromMirror: session.fromMirror, ...HUB_FIX, cause: error });
  }
}

// The hub says which resource is missing in X-Error-Code, also on the 401 it sends for an unknown
// repository to a client without a token.
const NOT_FOUND_CODES = new Set(['RepoNotFound', 'RevisionNotFound', 'EntryNotFound']);

/** The typed error for a hub answer that is not a success. */
export async function failForStatus(session: HubSession, response: Response, url: string, file?: string): Promise<never> {
  await response.body?.cancel();
  const { entry } = session;
  const errorCode = response.headers.get('x-error-code') ?? '';
  if (response.status === 404 || NOT_FOUND_CODES.has(errorCode)) {
    throw new HubNotFoundError({
      model: entry.name,
      repo: entry.repo,
      revision: entry.revision,
      endpoint: session.endpoint,
      ...(file === undefined || errorCode === 'RepoNotFound' || errorCode === 'RevisionNotFound' ? {} : { file }),
      url,
      fromMirror: session.fromMirror,
    });
  }
  if (response.status === 401 || response.status === 403) throw accessDenied(session, response.status, url);
  throw new ModelFetchError({ model: entry.name, source: url, status: response.status, fromMirror: session.fromMirror, ...HUB_FIX });
}

/** The hub refused `url` with 401/403: the model is gated and the token is missing or lacks access. */
export function accessDenied(session: HubSession, status: number, url: string): HubAccessDeniedError {
  return new HubAccessDeniedError({
    model: session.entry.name,
    repo: session.entry.repo,
    status,
    url,
    tokenSent: Object.keys(authorizationFor(session, url)).length > 0,
    modelPage: `${session.endpoint}/${session.entry.repo}`,
    secretsFile: session.secretsFile,
  });
}
