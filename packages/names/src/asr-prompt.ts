import type { Glossary, GlossaryEntry, GlossaryKind } from './glossary-schema';

/**
 * Whisper's prompt budget: whisper.cpp keeps at most n_text_ctx/2 = 224 tokens of prompt, one of which
 * is its `<|startofprev|>` marker (faster-whisper and mlx-whisper cut the prompt the same way).
 */
export const WHISPER_PROMPT_TOKENS = 223;

/** Languages whose text (and so Whisper's transcript) is written in Devanagari. */
const DEVANAGARI_LANGUAGES = new Set(['hi', 'mr', 'ne', 'sa', 'mai', 'kok', 'bho', 'doi']);

/** What the decoder hears most: the characters, then the (top-billed first) cast, then the rest. */
const KIND_ORDER: Readonly<Record<GlossaryKind, number>> = {
  character: 0,
  person: 1,
  place: 2,
  song: 3,
  organization: 4,
  term: 5,
  other: 6,
};

export interface AsrPromptOptions {
  /** The language spoken (ISO 639-1): Devanagari languages get the names' Devanagari forms. */
  language: string;
  /** The prompt's budget in tokens; Whisper's whole prompt budget by default. */
  maxTokens?: number;
  /**
   * Counts a text's tokens as the decoder will (whisper.cpp's tokenizer with the model's vocabulary).
   * Without it, each UTF-8 byte counts as a token: an upper bound for any Whisper vocabulary, since all
   * 256 bytes are tokens and no token is shorter than one byte.
   */
  countTokens?: (text: string) => number;
}

/** The script a language's text, and so its names, are written in: Devanagari or (any other) Latin. */
export function scriptOfLanguage(language: string): 'devanagari' | 'latin' {
  return DEVANAGARI_LANGUAGES.has(language) ? 'devanagari' : 'latin';
}

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** The form of a name the transcript is written in. */
function formFor(entry: GlossaryEntry, devanagari: boolean): string {
  return devanagari ? (entry.devanagari ?? entry.latin) : entry.latin;
}

/**
 * The ASR prompt that biases Whisper toward the film's names: "Names: Amar, Meghna, …" (in Devanagari,
 * "नाम: अमर, मेघना, …", for a Devanagari language), in order of importance, as many as fit the budget.
 * Empty when the glossary has none, so the caller passes no prompt at all.
 */
export function asrPrompt(glossary: Glossary, options: AsrPromptOptions): string {
  const devanagari = scriptOfLanguage(options.language) === 'devanagari';
  const countTokens = options.countTokens ?? utf8Bytes;
  const budget = Math.min(options.maxTokens ?? WHISPER_PROMPT_TOKENS, WHISPER_PROMPT_TOKENS);
  const [lead, end] = devanagari ? ['नाम: ', '।'] : ['Names: ', '.'];
  const ranked = glossary.entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] || a.index - b.index);
  const names: string[] = [];
  const seen = new Set<string>();
  for (const { entry } of ranked) {
    const name = formFor(entry, devanagari).trim();
    if (name === '' || seen.has(name)) continue;
    // A longer name that does not fit leaves room for a shorter, less important one.
    const candidate = `${lead}${[...names, name].join(', ')}${end}`;
    if (countTokens(candidate) > budget) continue;
    names.push(name);
    seen.add(name);
  }
  return names.length === 0 ? '' : `${lead}${names.join(', ')}${end}`;
}
