import { closeSync, openSync, readSync } from 'node:fs';
import { ModelFileInvalidError } from '../models/model-errors';

const GGML_MAGIC = 0x67676d6c;
/** Magic and the 11 hparams (n_vocab … ftype) before the mel filter bank. */
const HPARAMS_END = 4 + 4 * 11;

// whisper.cpp's `tokenize` splits with this std::regex over the UTF-8 bytes in the C locale, where
// [[:alpha:]] and [[:digit:]] are ASCII only and \s is " \t\n\v\f\r"; matched here over the bytes as
// latin1 characters (JS's \s would also take 0xa0, a UTF-8 continuation byte, so spaces are spelled out).
const WORD_SPLIT = /'s|'t|'re|'ve|'m|'ll|'d| ?[A-Za-z]+| ?[0-9]+| ?[^ \t\n\v\f\rA-Za-z0-9]+|[ \t\n\v\f\r]+(?![^ \t\n\v\f\r])|[ \t\n\v\f\r]+/g;

/** Reads `length` bytes at `position`, or fewer at the end of the file. */
function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  return buffer.subarray(0, readSync(fd, buffer, 0, length, position));
}

/** A ggml model's text tokens (as latin1 strings of their bytes) by id, read from its header only. */
function readVocabulary(modelPath: string): Map<string, number> {
  const fd = openSync(modelPath, 'r');
  try {
    const invalid = (problem: string) => new ModelFileInvalidError(modelPath, problem);
    const head = readAt(fd, 0, HPARAMS_END + 8);
    if (head.length < HPARAMS_END + 8 || head.readUInt32LE(0) !== GGML_MAGIC) throw invalid('not a ggml model: no magic and header');
    const [nMel, nFft] = [head.readInt32LE(HPARAMS_END), head.readInt32LE(HPARAMS_END + 4)];
    let position = HPARAMS_END + 8 + 4 * nMel * nFft;
    const count = readAt(fd, position, 4);
    if (count.length < 4) throw invalid('header cut short before the vocabulary');
    const nTokens = count.readInt32LE(0);
    position += 4;
    // The vocabulary is under 1 MB in every Whisper model: one read, then a larger one only if it runs past.
    let chunk = readAt(fd, position, 1 << 20);
    let offset = 0;
    const ensure = (bytes: number) => {
      if (offset + bytes <= chunk.length) return;
      position += offset;
      chunk = readAt(fd, position, Math.max(1 << 20, 2 * bytes));
      offset = 0;
      if (bytes > chunk.length) throw invalid('header cut short inside the vocabulary');
    };
    const vocabulary = new Map<string, number>();
    for (let id = 0; id < nTokens; id++) {
      ensure(4);
      const length = chunk.readUInt32LE(offset);
      ensure(4 + length);
      // whisper.cpp's token_to_id map: a later token with the same bytes takes the id.
      vocabulary.set(chunk.toString('latin1', offset + 4, offset + 4 + length), id);
      offset += 4 + length;
    }
    return vocabulary;
  } finally {
    closeSync(fd);
  }
}

/**
 * Counts tokens as whisper.cpp makes them of a text with this model's vocabulary: its own `tokenize` (the
 * regex split, then the longest known token at each byte), so the count is the decoder's, not an
 * estimate. Reads the model's header once, synchronously (well under a second, also for a 3 GB model).
 */
export function whisperTokenCounter(modelPath: string): (text: string) => number {
  const vocabulary = readVocabulary(modelPath);
  return (text) => {
    let tokens = 0;
    for (const [word] of Buffer.from(text, 'utf8').toString('latin1').matchAll(WORD_SPLIT)) {
      let start = 0;
      while (start < word.length) {
        let end = word.length;
        while (end > start && !vocabulary.has(word.slice(start, end))) end--;
        // A byte no token holds is skipped by whisper.cpp ("unknown token"), as here.
        if (end > start) tokens++;
        start = end > start ? end : start + 1;
      }
    }
    return tokens;
  };
}

/**
 * The `--max-context` that carries a prompt of `promptTokens` tokens into every window and nothing else.
 * With carry_initial_prompt, whisper_full_with_state keeps the prompt in prompt_past0 (cut to
 * max_prompt_ctx − 1 tokens) and builds each window's prompt as [prev] + prompt_past0 + the last
 * min(max_prompt_ctx − |prompt_past0| − 1, …) tokens decoded so far, where max_prompt_ctx =
 * min(n_max_text_ctx, n_text_ctx/2). So n_max_text_ctx = tokens + 1 leaves no room for earlier text
 * (no repeated hallucinations), while 0 would drop the prompt altogether.
 */
export function promptMaxContext(promptTokens: number): number {
  return promptTokens + 1;
}
