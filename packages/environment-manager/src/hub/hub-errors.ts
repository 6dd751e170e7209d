import { BollyxError } from '@bollyx/errors';

const TOKENS_PAGE = 'https://huggingface.co/settings/tokens';

export interface HubAccessFailure {
  model: string;
  repo: string;
  status: number;
  /** The request refused; it never carries the token, which travels in a header. */
  url: string;
  /** Whether a token was sent: refused with one means it lacks access, refused without means one is needed. */
  tokenSent: boolean;
  /** The model's page on the hub, where its terms are accepted. */
  modelPage: string;
  secretsFile: string;
}

/** The hub answered 401/403: the model is gated (or private) and no token, or one without access, was sent. */
export class HubAccessDeniedError extends BollyxError {
  constructor(failure: HubAccessFailure) {
    const why = failure.tokenSent
      ? 'the token sent has no access to it'
      : 'it needs a Hugging Face token and none is set (BOLLYX_HF_TOKEN, HF_TOKEN or the secrets file)';
    super('HUB_ACCESS_DENIED', `the Hugging Face hub refused model ${failure.model} (${failure.repo}, HTTP ${failure.status}): ${why}`, {
      hint:
        `sign in at ${failure.modelPage} and accept the model's terms, create a read token at ${TOKENS_PAGE}, ` +
        `and set BOLLYX_HF_TOKEN to it (or write {"hfToken": "…"} to ${failure.secretsFile} and chmod 600 it); ` +
        `then rerun \`bollyx models pull ${failure.model}\``,
      details: { model: failure.model, repo: failure.repo, status: failure.status, url: failure.url, tokenSent: failure.tokenSent },
    });
  }
}

export interface HubNotFoundFailure {
  model: string;
  repo: string;
  revision: string;
  endpoint: string;
  /** Absent when the repository or revision itself is missing. */
  file?: string;
  url: string;
  /** True when the endpoint is HF_ENDPOINT or --mirror rather than huggingface.co. */
  fromMirror: boolean;
}

/** The hub has no such repository, revision, or file in the revision. */
export class HubNotFoundError extends BollyxError {
  constructor(failure: HubNotFoundFailure) {
    const what = failure.file === undefined ? `${failure.repo} at revision ${failure.revision}` : `${failure.file} in ${failure.repo}@${failure.revision}`;
    super('HUB_NOT_FOUND', `model ${failure.model}: the Hugging Face hub at ${failure.endpoint} has no ${what}`, {
      hint: failure.fromMirror
        ? `put ${failure.repo} on the mirror ${failure.endpoint}, or unset HF_ENDPOINT (and --mirror) to use huggingface.co`
        : `check ${failure.endpoint}/${failure.repo}: the repository may have moved or been renamed; report it to bollyx`,
      details: { ...failure },
    });
  }
}

/** The endpoint's answer is not what a Hugging Face hub sends (no commit header, bad JSON, unsafe paths, inconsistent digests). */
export class HubResponseInvalidError extends BollyxError {
  constructor(model: string, url: string, problem: string) {
    super('HUB_RESPONSE_INVALID', `model ${model}: ${url} did not answer like a Hugging Face hub: ${problem}`, {
      hint: 'point HF_ENDPOINT (or --mirror) at the Hugging Face hub (https://huggingface.co) or a mirror that serves its API and resolve URLs',
      details: { model, url, problem },
    });
  }
}

/** The secrets file may be read by other users: a token in it would leak, so it is not used. */
export class HubSecretsInsecureError extends BollyxError {
  constructor(file: string, mode: number) {
    const octal = (mode & 0o777).toString(8).padStart(3, '0');
    super('HUB_SECRETS_INSECURE', `the secrets file ${file} is open to other users (mode ${octal}); bollyx will not read a token from it`, {
      hint: `chmod 600 ${file}`,
      details: { file, mode: octal },
    });
  }
}

/** The secrets file is not the JSON object bollyx expects; its contents are never quoted back. */
export class HubSecretsInvalidError extends BollyxError {
  constructor(file: string, problem: string) {
    super('HUB_SECRETS_INVALID', `the secrets file ${file} is invalid: ${problem}`, {
      hint: `make ${file} a JSON object such as {"hfToken": "hf_…"}, or delete it and set BOLLYX_HF_TOKEN instead`,
      details: { file, problem },
    });
  }
}

export interface HubModelAbsence {
  model: string;
  repo: string;
  revision: string;
  /** The repository's folder in the hub cache. */
  repoDir: string;
  offline: boolean;
}

/** A Hugging Face model is not (completely) in the cache, and this call may not or does not fetch it. */
export class HubModelNotPresentError extends BollyxError {
  constructor(absence: HubModelAbsence) {
    const why = absence.offline ? ' and offline mode (BOLLYX_OFFLINE or HF_HUB_OFFLINE) forbids downloading it' : '';
    super('MODEL_NOT_PRESENT', `model ${absence.model} (${absence.repo}@${absence.revision}) is not complete in the Hugging Face cache ${absence.repoDir}${why}`, {
      hint: absence.offline
        ? `run \`bollyx models pull ${absence.model}\` without offline mode (on an air-gapped site, with HF_ENDPOINT or --mirror set to a hub mirror), or copy ${absence.repoDir} from a machine that has it`
        : `run \`bollyx models pull ${absence.model}\``,
      details: { ...absence },
    });
  }
}
