import { z } from 'zod';

/** One whisper-cli run: what to transcribe, with which model, and how to decode. */
export const WhisperCliOptionsSchema = z.object({
  /** The ggml model file. */
  model: z.string().min(1),
  /** A 16 kHz mono WAV (the audio stage's output). */
  input: z.string().min(1),
  /** whisper-cli writes `<outputPrefix>.json`. */
  outputPrefix: z.string().min(1),
  /** CPU threads, from the hardware recommendation. */
  threads: z.number().int().positive(),
  /** Spoken language as an ISO 639-1 code (`hi`, `en`), or `auto` to detect it. */
  language: z.string().regex(/^(auto|[a-z]{2,3})$/, 'an ISO 639-1 code such as "hi", or "auto"').default('auto'),
  /** Translate to English instead of transcribing. */
  translate: z.boolean().default(false),
  /** 1 decodes greedily; whisper's default 5 runs beam search. */
  beamSize: z.number().int().positive().default(5),
  /** Candidates sampled per temperature step when decoding greedily. */
  bestOf: z.number().int().positive().default(5),
  /** Skip the temperature fallback that re-decodes low-confidence windows (much faster, a little less robust). */
  noFallback: z.boolean().default(false),
  /** Tokens of the previous text fed back as context; 0 stops hallucinations from repeating. */
  maxContext: z.number().int().nonnegative().optional(),
  /** Text the decoder is conditioned on before each window (names it should spell so). */
  prompt: z.string().min(1).optional(),
  /** Prepend the prompt to every window, not only the first (`--carry-initial-prompt`). */
  carryInitialPrompt: z.boolean().default(false),
  /** false runs on the CPU although the binary was built for CUDA or Metal (the device fallback). */
  useGpu: z.boolean().default(true),
})
  // whisper_full_with_state builds the decoder's prompt only when n_max_text_ctx > 0: a prompt with
  // `--max-context 0` would be dropped without a word.
  .refine((o) => o.prompt === undefined || o.maxContext !== 0, {
    message: 'a prompt needs a max-context above 0 (whisper.cpp drops the prompt at 0); size it with promptMaxContext',
    path: ['maxContext'],
  });
export type WhisperCliOptions = z.input<typeof WhisperCliOptionsSchema>;

/**
 * The argument array for whisper-cli: full JSON output (segments with tokens and their timestamps) and
 * progress lines on stderr (see `parseWhisperProgress`). Throws a ZodError naming a bad option.
 */
export function whisperCliArgs(options: WhisperCliOptions): string[] {
  const o = WhisperCliOptionsSchema.parse(options);
  return [
    '--model', o.model,
    '--file', o.input,
    '--output-file', o.outputPrefix,
    '--output-json-full',
    '--print-progress',
    '--threads', String(o.threads),
    '--language', o.language,
    '--beam-size', String(o.beamSize),
    '--best-of', String(o.bestOf),
    ...(o.noFallback ? ['--no-fallback'] : []),
    ...(o.translate ? ['--translate'] : []),
    ...(o.maxContext === undefined ? [] : ['--max-context', String(o.maxContext)]),
    ...(o.prompt === undefined ? [] : ['--prompt', o.prompt]),
    ...(o.carryInitialPrompt ? ['--carry-initial-prompt'] : []),
    ...(o.useGpu ? [] : ['--no-gpu']),
  ];
}
