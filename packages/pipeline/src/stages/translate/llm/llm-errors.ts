import { BollyxError } from '@bollyx/errors';

/** The endpoint could not be reached at all (nothing listens, DNS, TLS): no batch can succeed. */
export class LlmUnreachableError extends BollyxError {
  constructor(url: string, reason: string) {
    super('LLM_UNREACHABLE', `The language model endpoint ${url} cannot be reached: ${reason}`, {
      hint: 'Start the server (ollama serve; llama-server -m MODEL --port 8080) or set --llm-url to its API base, e.g. http://127.0.0.1:11434/v1',
      details: { url, reason },
    });
  }
}

/**
 * The endpoint refused a request (401/403/404, or a 429/5xx that outlasted the retries). Says the status
 * and the server's short reason, never the key.
 */
export class LlmRequestFailedError extends BollyxError {
  constructor(url: string, status: number, reason: string) {
    super('LLM_REQUEST_FAILED', `The language model endpoint ${url} answered ${status}: ${reason}`, {
      hint:
        status === 401 || status === 403
          ? 'Set BOLLYX_LLM_KEY (or "llmKey" in the secrets file, mode 600) to a key the endpoint accepts'
          : status === 404
            ? 'Check --llm-model against GET <llm-url>/models (ollama pull MODEL for Ollama) and that --llm-url ends in /v1'
            : 'The server is overloaded or failing: run again later (the finished stages are kept), or raise translation.llm.maxRetries',
      details: { url, status, reason },
    });
  }
}
